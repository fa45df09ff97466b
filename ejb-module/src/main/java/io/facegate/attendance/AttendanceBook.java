package io.facegate.attendance;

import io.facegate.authentication.CallerIdentity;
import io.facegate.clients.ClientUserDirectory;
import io.facegate.domain.attendance.AttendanceLog;
import io.facegate.domain.attendance.AttendanceSettings.Geofence;
import io.facegate.domain.attendance.AttendanceSettings;
import io.facegate.domain.clients.ClientUser;
import io.facegate.system.FaceGateException;
import io.facegate.system.SettingsChanged;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes attendance: recognised sightings (cameras, verify tasks, sessions, mobile check-ins),
 * debounced per person, and manual marks. Each new log announces {@link AttendanceLogged} in its
 * transaction. Also keeps each client's attendance settings.
 */
@Stateless
public class AttendanceBook {

    /** A manual mark may be dated this far ahead of the server's clock (clock skew), no further. */
    static final Duration MAX_FUTURE_MARK = Duration.ofMinutes(5);

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    @Inject
    ClientUserDirectory directory;

    @Inject
    AttendanceConfiguration configuration;

    @Inject
    Event<AttendanceLogged> logged;

    @Inject
    Event<SettingsChanged> settingsChanged;

    /**
     * Logs the person present unless they are inactive, this detection/task/session logged them
     * already, or any attendance of theirs lies within the client's debounce window of this one
     * (a camera seeing someone for a minute logs them once). Concurrent sightings of one person
     * are decided one after the other (the person's row is locked).
     *
     * @return the new log; empty when none was written
     */
    public Optional<AttendanceLog> recordSighting(Sighting sighting) {
        ClientUser person = em.find(ClientUser.class, sighting.clientUserId(), LockModeType.PESSIMISTIC_WRITE);
        if (person == null || !person.belongsTo(sighting.clientId()) || !person.isActive()) {
            return Optional.empty();
        }
        if (sighting.referenceId() != null && em.createQuery("select count(l) from AttendanceLog l where l.referenceId = :reference"
                + " and l.clientUserId = :person", Long.class)
                .setParameter("reference", sighting.referenceId()).setParameter("person", person.getId()).getSingleResult() > 0) {
            return Optional.empty();
        }
        Duration window = policy(sighting.clientId()).debounce();
        if (!window.isZero() && em.createQuery("select count(l) from AttendanceLog l where l.clientUserId = :person"
                        + " and l.loggedAt > :from and l.loggedAt < :to", Long.class)
                .setParameter("person", person.getId())
                .setParameter("from", sighting.at().minus(window)).setParameter("to", sighting.at().plus(window))
                .getSingleResult() > 0) {
            return Optional.empty();
        }
        AttendanceLog log = new AttendanceLog(sighting.clientId(), person.getId(), person.getDepartment(), sighting.at(), sighting.source(),
                sighting.place(), sighting.evidence(), sighting.referenceId(), Instant.now());
        return Optional.of(write(log, person));
    }

    /**
     * An admin's manual mark: never debounced, never in the future, always with a reason and the
     * caller's real identity beside whom the caller names.
     *
     * @param markedBy whom the request names as marking it; a person marking must name themselves (or no one)
     */
    public AttendanceLog markManually(CallerIdentity caller, String employeeId, Instant at, String reason, String markedBy) {
        Instant now = Instant.now();
        if (at.isAfter(now.plus(MAX_FUTURE_MARK))) {
            throw FaceGateException.invalid("invalid_timestamp", "a manual attendance cannot be in the future");
        }
        ClientUser person = Optional.ofNullable(directory.findByExternalId(caller.clientId(), employeeId.strip()))
                .orElseThrow(() -> FaceGateException.notFound("user"));
        String recordedBy;
        String named = markedBy == null || markedBy.isBlank() ? null : markedBy.strip();
        if (caller.isPerson()) {
            String email = caller.person().email();
            if (named != null && !named.equalsIgnoreCase(email == null ? "" : email)) {
                throw FaceGateException.invalid("invalid_marked_by", "marked_by must be your own email: a mark is recorded as yours");
            }
            named = email;
            recordedBy = "person:" + caller.person().personId();
        } else {
            recordedBy = "client:" + caller.clientId();
        }
        AttendanceLog log = AttendanceLog.manual(caller.clientId(), person.getId(), person.getDepartment(), at,
                new AttendanceLog.Mark(reason, named, recordedBy), now);
        return write(log, person);
    }

    private AttendanceLog write(AttendanceLog log, ClientUser person) {
        em.persist(log);
        AttendanceLog.Place place = log.getPlace();
        logged.fire(new AttendanceLogged(log.getId(), log.getClientId(), person.getId(), person.getExternalUserId(), person.fullName(),
                log.getDepartment(), log.getSource(), place.cameraCode(), place.cameraName(), place.location(), log.getConfidence(),
                log.getLoggedAt()));
        return log;
    }

    /** The client's attendance policy: its own settings, or the server's defaults. */
    public AttendancePolicy policy(UUID clientId) {
        AttendanceSettings own = em.find(AttendanceSettings.class, clientId);
        return own == null ? configuration.defaults()
                : new AttendancePolicy(own.getTimeZone(), Duration.ofSeconds(own.getDebounceSeconds()), own.getGeofence());
    }

    /**
     * Sets the client's time zone, debounce window and geofence (null: none).
     *
     * @throws FaceGateException 400 {@code invalid_time_zone} for a zone the database does not know
     */
    public AttendancePolicy configure(UUID clientId, ZoneId timeZone, int debounceSeconds, Geofence geofence) {
        Number known = (Number) em.createNativeQuery("select count(*) from pg_timezone_names where name = ?1")
                .setParameter(1, timeZone.getId()).getSingleResult();
        if (known.intValue() == 0) {
            throw FaceGateException.invalid("invalid_time_zone", "time_zone " + timeZone.getId() + " is not an IANA time zone the database knows");
        }
        Instant now = Instant.now();
        // Two first configurations at once: the second waits for the first's row and then changes it.
        em.createNativeQuery("insert into attendance_settings (client_id, time_zone, debounce_seconds, updated_at)"
                        + " values (?1, ?2, ?3, ?4) on conflict (client_id) do nothing")
                .setParameter(1, clientId).setParameter(2, timeZone.getId()).setParameter(3, debounceSeconds)
                .setParameter(4, Timestamp.from(now)).executeUpdate();
        em.find(AttendanceSettings.class, clientId, LockModeType.PESSIMISTIC_WRITE).change(timeZone, debounceSeconds, geofence, now);
        settingsChanged.fire(new SettingsChanged(clientId, "attendance_settings", null, "updated",
                List.of("time_zone", "debounce_seconds", "geofence"), now));
        return new AttendancePolicy(timeZone, Duration.ofSeconds(debounceSeconds), geofence);
    }
}
