package io.facegate.profiles;

import io.facegate.domain.profiles.ProfileSyncSchedule;
import io.facegate.system.Timeouts;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Clients' scheduled profile syncs: one calendar timer per schedule, made again from the table at
 * every start (non-persistent timers: with several servers on one database each would sync, so
 * scheduled syncs assume one server, like face task recovery).
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "MaintenanceJobs"})
public class ProfileSyncScheduler {

    private static final Logger LOG = Logger.getLogger(ProfileSyncScheduler.class.getName());

    @Resource
    TimerService timers;

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    @Inject
    ProfileSyncs syncs;

    /** A client's schedule and when it runs next. */
    public record Schedule(String cron, Instant nextRunAt) {
    }

    @PostConstruct
    void restore() {
        for (ProfileSyncSchedule schedule : em.createQuery("select s from ProfileSyncSchedule s", ProfileSyncSchedule.class).getResultList()) {
            try {
                arm(schedule.getClientId(), SyncCron.parse(schedule.getCron()));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the profile sync schedule of client " + schedule.getClientId() + " could not be armed", e);
            }
        }
    }

    public Schedule schedule(UUID clientId, String cron) {
        SyncCron parsed = SyncCron.parse(cron);
        disarm(clientId);
        Timer timer;
        try {
            timer = arm(clientId, parsed);
        } catch (IllegalArgumentException e) {
            throw SyncCron.invalid("cron \"" + parsed + "\" is not a valid schedule: " + e.getMessage());
        }
        ProfileSyncSchedule stored = em.find(ProfileSyncSchedule.class, clientId);
        if (stored == null) {
            em.persist(new ProfileSyncSchedule(clientId, parsed.toString(), Instant.now()));
        } else {
            stored.reschedule(parsed.toString(), Instant.now());
        }
        return new Schedule(parsed.toString(), next(timer));
    }

    public Optional<Schedule> find(UUID clientId) {
        ProfileSyncSchedule stored = em.find(ProfileSyncSchedule.class, clientId);
        return stored == null ? Optional.empty() : Optional.of(new Schedule(stored.getCron(),
                timer(clientId).map(ProfileSyncScheduler::next).orElse(null)));
    }

    /** @return whether there was a schedule */
    public boolean unschedule(UUID clientId) {
        disarm(clientId);
        ProfileSyncSchedule stored = em.find(ProfileSyncSchedule.class, clientId);
        if (stored != null) {
            em.remove(stored);
        }
        return stored != null;
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void run(Timer timer) {
        Timeouts.survive(LOG, "profile sync schedule " + timer.getInfo(), () -> {
            UUID clientId = UUID.fromString((String) timer.getInfo());
            syncs.start(SyncScope.of(clientId, null, null)).ifPresent(syncId ->
                    LOG.info(() -> "scheduled profile sync " + syncId + " of client " + clientId + " started"));
        });
    }

    private Timer arm(UUID clientId, SyncCron cron) {
        return timers.createCalendarTimer(cron.expression(), new TimerConfig(clientId.toString(), false));
    }

    private void disarm(UUID clientId) {
        timer(clientId).ifPresent(Timer::cancel);
    }

    private Optional<Timer> timer(UUID clientId) {
        return timers.getTimers().stream().filter(t -> clientId.toString().equals(t.getInfo())).findFirst();
    }

    private static Instant next(Timer timer) {
        try {
            return timer.getNextTimeout().toInstant();
        } catch (RuntimeException noMoreTimeouts) {
            return null;
        }
    }
}
