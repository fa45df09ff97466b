package io.facegate.profiles;

import io.facegate.domain.clients.ClientUser;
import io.facegate.domain.profiles.FacialProfile;
import io.facegate.domain.profiles.ProfileSync;
import io.facegate.domain.profiles.ProfileSyncItem;
import io.facegate.enrollment.Enrollments;
import io.facegate.enrollment.TemplateVault;
import io.facegate.maintenance.JobRecords;
import io.facegate.maintenance.JobsInterrupted;
import io.facegate.maintenance.JobsRestartable;
import io.facegate.maintenance.MaintenanceJobs;
import io.facegate.recognition.FaceEmbedding;
import io.facegate.system.ErrorKind;
import io.facegate.system.FaceGateException;
import io.facegate.system.Page;
import jakarta.annotation.Resource;
import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Profile syncs: each is a run of the {@value #JOB} Jakarta Batch chunk job (reader of profile ids,
 * processor making a face from each profile's source outside any transaction, writer storing
 * templates and outcomes in one transaction per chunk), in the job repository in PostgreSQL. A bad
 * photo is one failed item with its reason, never a failed job. A sync whose run failed or stopped
 * goes on when its client resumes it, one whose run a stop of the server cut off by itself at the
 * next start ({@link JobsInterrupted}, {@link JobsRestartable}): as a new run with the same
 * parameters, which reads only the profiles without an item, so each profile is processed and
 * recorded once.
 */
@Stateless
public class ProfileSyncs {

    public static final String JOB = "sync-facial-profiles";
    /** Errors listed in a report; the count covers them all. */
    static final int MAX_LISTED_ERRORS = 200;
    private static final Set<BatchStatus> FINISHED = EnumSet.of(BatchStatus.COMPLETED, BatchStatus.FAILED, BatchStatus.STOPPED,
            BatchStatus.ABANDONED);
    private static final Set<BatchStatus> RESUMABLE = EnumSet.of(BatchStatus.FAILED, BatchStatus.STOPPED);
    private static final Logger LOG = Logger.getLogger(ProfileSyncs.class.getName());
    /** Resumptions after which a sync cut off by a stop is no longer resumed by itself. */
    static final int MAX_AUTOMATIC_RESUMPTIONS = 3;
    /** The status of a sync whose run the last stop cut off, until it is resumed. */
    static final String RESUMING = "RESUMING";
    private static final Duration POLL = Duration.ofMillis(200);

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    @Inject
    Enrollments enrollments;

    @Inject
    TemplateVault vault;

    @Resource
    SessionContext context;

    @Inject
    MaintenanceJobs jobs;

    @Inject
    JobRecords records;

    /** What the processor made of one profile: a face to enroll, or why there is none. */
    public record Outcome(UUID profileId, UUID personId, FaceSources.Face face, String errorCode, String errorMessage) {

        static Outcome failed(UUID profileId, String code, String message) {
            return new Outcome(profileId, null, null, code, message);
        }
    }

    /** A profile's face source, as the processor reads it: the sealed embedding already opened. */
    public record Source(UUID profileId, UUID personId, String imageUrl, String imageKey, FaceEmbedding embedding) {
    }

    /** A sync failed profile. */
    public record ItemError(UUID profileId, String userId, String error, String message) {
    }

    /**
     * A sync's state: seed 002's {@code {success, synced, failed, errors, message}} and its progress.
     *
     * @param ratePerSecond profiles processed per second since the sync started (until it ended)
     * @param etaSeconds    at that rate, until the rest are processed; null once finished
     */
    public record Report(UUID syncId, long executionId, int resumptions, String status, boolean finished, boolean success, long synced, long failed,
                         List<ItemError> errors, String message, int total, long done, double ratePerSecond, Double etaSeconds,
                         Instant startedAt, Instant endedAt) {
    }

    /**
     * Starts a sync of the scope's profiles; the job runs on the batch runtime's threads.
     *
     * @return the sync's id; empty when the scope has no profile (no job is started for nothing)
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<UUID> start(SyncScope scope) {
        int total = scope.bind(em.createQuery("select count(p) from FacialProfile p where " + scope.where(), Long.class))
                .getSingleResult().intValue();
        if (total == 0) {
            return Optional.empty();
        }
        // Outside any transaction: the job's own repository writes must be visible to its thread at once.
        long executionId = jobs.start(JOB, scope.parameters());
        context.getBusinessObject(ProfileSyncs.class).recordStart(scope, executionId, total);
        return Optional.of(scope.syncId());
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordStart(SyncScope scope, long executionId, int total) {
        em.persist(new ProfileSync(scope.syncId(), executionId, scope.clientId(), total, Instant.now()));
    }

    /** Resumes a sync whose run failed or stopped: a new run does the profiles it has not recorded. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void resume(UUID clientId, UUID syncId) {
        ProfileSync sync = find(clientId, syncId);
        if (sync.awaitsResumption()) {
            // Resumed by hand as well, two runs would read the same profiles without an item.
            throw new FaceGateException(ErrorKind.CONFLICT, "sync_resuming", "a stop of the server cut this sync off; it goes on by itself"
                    + " within seconds of the start");
        }
        BatchStatus status = records.of(sync.getExecutionId()).batchStatus();
        if (!RESUMABLE.contains(status)) {
            throw new FaceGateException(ErrorKind.CONFLICT, "sync_not_resumable", "only a failed or stopped sync is resumed; this one is "
                    + status.name().toLowerCase(Locale.ROOT));
        }
        resume(sync);
    }

    /**
     * The syncs whose run the last stop cut off await their resumption: recorded in the transaction
     * that marks their runs failed, so a sync is never left failed without it or resumed twice.
     */
    public void markCutOff(@Observes JobsInterrupted interrupted) {
        List<Long> executions = interrupted.of(JOB);
        if (executions.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        List<UUID> awaiting = em.createQuery("select s from ProfileSync s where s.executionId in :executions", ProfileSync.class)
                .setParameter("executions", executions).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream()
                .filter(sync -> sync.cutOffByAStop(now, MAX_AUTOMATIC_RESUMPTIONS)).map(ProfileSync::getId).toList();
        if (!awaiting.isEmpty()) {
            LOG.info(() -> "Profile syncs cut off by the last stop, to be resumed: " + awaiting);
        }
    }

    /** Resumes the syncs the last stop cut off; one that cannot be resumed now stays awaiting, for the next start. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void resumeCutOff(@Observes JobsRestartable restartable) {
        List<ProfileSync> awaiting;
        try {
            awaiting = em.createQuery("select s from ProfileSync s where s.interruptedAt is not null order by s.startedAt", ProfileSync.class)
                    .getResultList();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The profile syncs cut off by the last stop could not be listed", e);
            return;
        }
        for (ProfileSync sync : awaiting) {
            try {
                resume(sync);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "profile sync " + sync.getId() + " could not be resumed", e);
            }
        }
    }

    private void resume(ProfileSync sync) {
        // From the repository: the run may belong to an earlier deployment, which the batch runtime no longer shows.
        long executionId = jobs.start(JOB, records.of(sync.getExecutionId()).parameters());
        context.getBusinessObject(ProfileSyncs.class).recordResumption(sync.getId(), executionId);
        LOG.info(() -> "profile sync " + sync.getId() + " resumed as job execution " + executionId);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordResumption(UUID syncId, long executionId) {
        em.find(ProfileSync.class, syncId).resumed(executionId);
    }

    /** The sync's report once it has finished or {@code wait} has passed, whichever is first. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Report await(UUID clientId, UUID syncId, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        Report report = report(clientId, syncId);
        while (!report.finished() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return report;
            }
            report = report(clientId, syncId);
        }
        return report;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Report report(UUID clientId, UUID syncId) {
        ProfileSync sync = find(clientId, syncId);
        JobRecords.JobRecord execution = records.of(sync.getExecutionId());
        Map<Boolean, Long> counts = em.createQuery("select i.succeeded, count(i) from ProfileSyncItem i where i.syncId = :id"
                        + " group by i.succeeded", Object[].class).setParameter("id", syncId).getResultStream()
                .collect(Collectors.toMap(row -> (Boolean) row[0], row -> ((Number) row[1]).longValue()));
        long synced = counts.getOrDefault(true, 0L);
        long failed = counts.getOrDefault(false, 0L);
        long done = synced + failed;
        BatchStatus status = execution.batchStatus();
        // A run cut off by the last stop is marked failed at start-up (InterruptedJobs) and resumed a
        // few seconds later: until then the sync is still going, not failed.
        boolean awaitingResumption = sync.awaitsResumption();
        boolean finished = FINISHED.contains(status) && !awaitingResumption;
        Instant ended = finished ? execution.endedAt() : null;
        double seconds = Math.max(1e-3, Duration.between(sync.getStartedAt(), ended != null ? ended : Instant.now()).toNanos() / 1e9);
        double rate = done / seconds;
        Double eta = finished ? null : rate > 0 ? Math.max(0, sync.getTotal() - done) / rate : null;
        boolean success = status == BatchStatus.COMPLETED;
        String message = success ? "Synced " + synced + " profiles, " + failed + " failed"
                : awaitingResumption ? "Interrupted by a stop of the server after " + done + " of " + sync.getTotal()
                + " profiles; it goes on by itself in a few seconds"
                : finished ? "The sync " + status.name().toLowerCase(Locale.ROOT) + " after " + done + " of " + sync.getTotal() + " profiles"
                + " (" + execution.exitStatus() + "); resume it to go on with the rest"
                : "Syncing: " + done + " of " + sync.getTotal() + " profiles done";
        return new Report(syncId, execution.executionId(), sync.getResumptions(), awaitingResumption ? RESUMING : status.name(), finished,
                success, synced, failed,
                errors(syncId), message, sync.getTotal(), done, Math.round(rate * 100) / 100.0, eta == null ? null : Math.round(eta * 10) / 10.0,
                sync.getStartedAt(), ended);
    }

    /** The client's syncs, newest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ProfileSync> list(UUID clientId, int offset, int limit) {
        Page.validate(offset, limit);
        return em.createQuery("select s from ProfileSync s where s.clientId = :clientId order by s.startedAt desc", ProfileSync.class)
                .setParameter("clientId", clientId).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /** The next page of the scope's profile ids after {@code after} (null: from the start), in id order. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<UUID> idsAfter(SyncScope scope, UUID after, int limit) {
        TypedQuery<UUID> query = scope.bind(em.createQuery("select p.id from FacialProfile p where " + scope.where()
                + (after != null ? " and p.id > :after" : "") + " order by p.id", UUID.class));
        if (after != null) {
            query.setParameter("after", after);
        }
        return query.setMaxResults(limit).getResultList();
    }

    /** The profile's source, or null when it was deleted since it was read. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Source source(UUID profileId) {
        FacialProfile profile = em.find(FacialProfile.class, profileId);
        if (profile == null) {
            return null;
        }
        FaceEmbedding embedding = profile.getEmbeddingSealed() == null ? null : vault.open(profile.getEmbeddingSealed(), profile.getClientUserId());
        return new Source(profile.getId(), profile.getClientUserId(), profile.getImageUrl(), profile.getImageKey(), embedding);
    }

    /** A chunk's outcomes, in the chunk's transaction: templates (replacing the person's), profiles' sync state, items. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(UUID syncId, List<Outcome> outcomes) {
        Instant now = Instant.now();
        for (Outcome outcome : outcomes) {
            FacialProfile profile = em.find(FacialProfile.class, outcome.profileId());
            ClientUser person = outcome.face() == null ? null : em.find(ClientUser.class, outcome.personId());
            if (outcome.face() != null && (profile == null || person == null)) {
                outcome = Outcome.failed(outcome.profileId(), "profile_deleted", "the profile or its person was deleted during the sync");
            }
            if (outcome.face() != null) {
                FaceSources.Face face = outcome.face();
                // The profile's id names the enrollment that made the template.
                enrollments.enroll(person, profile.getId(), List.of(new Enrollments.Sample(face.embedding(), face.quality())), face.profileJpeg());
                profile.synced(TemplateVault.EMBEDDING_MODEL, now);
                em.persist(ProfileSyncItem.succeeded(syncId, outcome.profileId(), now));
            } else {
                if (profile != null) {
                    profile.syncFailed(outcome.errorCode() + ": " + outcome.errorMessage(), now);
                }
                em.persist(ProfileSyncItem.failed(syncId, outcome.profileId(), outcome.errorCode(), outcome.errorMessage(), now));
            }
        }
    }

    private List<ItemError> errors(UUID syncId) {
        List<ProfileSyncItem> items = em.createQuery("select i from ProfileSyncItem i where i.syncId = :id and i.succeeded = false"
                + " order by i.processedAt, i.profileId", ProfileSyncItem.class).setParameter("id", syncId).setMaxResults(MAX_LISTED_ERRORS)
                .getResultList();
        if (items.isEmpty()) {
            return List.of();
        }
        Map<UUID, String> people = em.createQuery("select p.id, u.externalUserId from FacialProfile p, ClientUser u"
                        + " where u.id = p.clientUserId and p.id in :ids", Object[].class)
                .setParameter("ids", items.stream().map(ProfileSyncItem::getProfileId).toList()).getResultStream()
                .filter(row -> row[1] != null)
                .collect(Collectors.toMap(row -> (UUID) row[0], row -> (String) row[1]));
        return items.stream().map(i -> new ItemError(i.getProfileId(), people.get(i.getProfileId()), i.getErrorCode(), i.getErrorMessage()))
                .toList();
    }

    private ProfileSync find(UUID clientId, UUID syncId) {
        ProfileSync sync = em.find(ProfileSync.class, syncId);
        if (sync == null || !sync.belongsTo(clientId)) {
            throw FaceGateException.notFound("sync");
        }
        return sync;
    }
}
