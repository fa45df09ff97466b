package io.facegate.incidents;

import io.facegate.domain.incidents.Incident;
import io.facegate.domain.incidents.IncidentSeverity;
import io.facegate.domain.incidents.IncidentType;
import io.facegate.sessions.AuthenticationCompleted;
import io.facegate.sessions.SpoofSuspected;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;

/**
 * Raises incidents from what sessions' frames showed, in the transaction of the frame that showed
 * it: a spoof suspicion (once per session, as the fact is), and a person's sessions failing liveness
 * {@code FACEGATE_INCIDENTS_LIVENESS_FAILURES} times within {@code FACEGATE_INCIDENTS_LIVENESS_WINDOW_MINUTES}
 * (once per window and person, so a person retrying does not raise one per attempt).
 */
@ApplicationScoped
public class IncidentRaiser {

    static final String LIVENESS_FAILED = "liveness_failed";

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    @Inject
    IncidentSettings settings;

    void spoof(@Observes SpoofSuspected fact) {
        em.persist(Incident.raised(fact.clientId(), IncidentType.SPOOFING_ATTEMPT, IncidentSeverity.HIGH,
                "A " + fact.purpose().apiName() + " session's frames looked like a presentation attack (liveness score "
                        + (fact.livenessScore() == null ? "unknown" : String.format(Locale.ROOT, "%.2f", fact.livenessScore())) + ")",
                fact.sessionId(), fact.clientUserId(), fact.detectedAt()));
    }

    void livenessFailed(@Observes AuthenticationCompleted fact) {
        if (!LIVENESS_FAILED.equals(fact.failureReason()) || fact.clientUserId() == null) {
            return;
        }
        Instant since = fact.completedAt().minus(settings.livenessWindow());
        // This session is counted by itself: its own row may not be written yet in this transaction.
        long earlier = ((Number) em.createNativeQuery("select count(*) from face_session where client_user_id = ?1 and outcome = ?2"
                        + " and completed_at >= ?3 and id <> ?4")
                .setParameter(1, fact.clientUserId()).setParameter(2, LIVENESS_FAILED).setParameter(3, Timestamp.from(since))
                .setParameter(4, fact.sessionId()).getSingleResult()).longValue();
        long raised = ((Number) em.createNativeQuery("select count(*) from security_incident where client_user_id = ?1 and type = ?2"
                        + " and origin = 'AUTOMATIC' and created_at >= ?3")
                .setParameter(1, fact.clientUserId()).setParameter(2, IncidentType.LIVENESS_FAILURES.name())
                .setParameter(3, Timestamp.from(since)).getSingleResult()).longValue();
        if (repeated(earlier + 1, raised, settings.livenessFailures())) {
            em.persist(Incident.raised(fact.clientId(), IncidentType.LIVENESS_FAILURES, IncidentSeverity.MEDIUM,
                    (earlier + 1) + " sessions of " + (fact.externalUserId() == null ? "one person" : fact.externalUserId())
                            + " failed liveness within " + settings.livenessWindow().toMinutes() + " minutes",
                    fact.sessionId(), fact.clientUserId(), fact.completedAt()));
        }
    }

    /** Enough failures in the window, and none raised for them in it yet. */
    static boolean repeated(long failuresInWindow, long raisedInWindow, int threshold) {
        return failuresInWindow >= threshold && raisedInWindow == 0;
    }
}
