package io.facegate.audit;

import io.facegate.attendance.AttendanceLogged;
import io.facegate.authentication.ApiLoggedIn;
import io.facegate.authentication.PersonLoggedIn;
import io.facegate.authentication.PersonLoggedOut;
import io.facegate.clients.ClientUserDeleted;
import io.facegate.domain.attendance.AttendanceSource;
import io.facegate.domain.audit.AuditAction;
import io.facegate.domain.audit.AuditEntry;
import io.facegate.domain.audit.AuditSeverity;
import io.facegate.domain.clients.ClientUser;
import io.facegate.domain.sessions.SessionPurpose;
import io.facegate.domain.shared.JsonProcessing;
import io.facegate.enrollment.EnrollmentCompleted;
import io.facegate.reports.ReportReady;
import io.facegate.sessions.AuthenticationCompleted;
import io.facegate.sessions.SpoofSuspected;
import io.facegate.system.CallMetadata;
import io.facegate.system.SecretRotated;
import io.facegate.system.SettingsChanged;
import io.facegate.webhooks.EventData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.UUID;

/**
 * Writes the audit log from the domain events, in the transaction of the fact each reports (as the
 * webhook outbox does): a rolled-back fact leaves no entry, a committed one always has its entry.
 * Each entry names where the call came from when its boundary said ({@link CallMetadata}).
 * Attendance logged by cameras, verify tasks and check-ins is attendance data, not a security fact;
 * only manual marks (a person's word for another's presence) are audited.
 */
@ApplicationScoped
public class AuditTrail {

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    @Inject
    CallMetadata call;

    void apiLogin(@Observes ApiLoggedIn fact) {
        write(fact.clientId(), fact.at(), AuditAction.API_LOGIN, null, fact.granted(),
                EventData.create().put("credential", fact.credential().apiName()).put("reason", fact.reason()));
    }

    void login(@Observes PersonLoggedIn fact) {
        write(fact.clientId(), fact.at(), AuditAction.LOGIN, fact.externalUserId(), fact.granted(),
                EventData.create().put("client_user_id", fact.clientUserId()).put("reason", fact.granted() ? null : "invalid_credentials"));
    }

    void logout(@Observes PersonLoggedOut fact) {
        write(fact.clientId(), fact.at(), AuditAction.LOGOUT, externalId(fact.clientUserId()), true,
                EventData.create().put("client_user_id", fact.clientUserId()));
    }

    void enrollment(@Observes EnrollmentCompleted fact) {
        write(fact.clientId(), fact.completedAt(), AuditAction.ENROLLMENT, fact.externalUserId(), true, EventData.create()
                .put("client_user_id", fact.clientUserId()).put("session_id", fact.sessionId()).put("samples", fact.samples()));
    }

    void authentication(@Observes AuthenticationCompleted fact) {
        AuditAction action = fact.purpose() == SessionPurpose.IDENTIFICATION ? AuditAction.IDENTIFICATION : AuditAction.VERIFICATION;
        write(fact.clientId(), fact.completedAt(), action, fact.externalUserId(), fact.authenticated(), EventData.create()
                .put("client_user_id", fact.clientUserId())
                .put("session_id", fact.sessionId())
                .put("confidence", fact.confidence())
                .put("liveness_verified", fact.livenessVerified())
                .put("failure_reason", fact.failureReason()));
    }

    void manualMark(@Observes AttendanceLogged fact) {
        if (fact.source() != AttendanceSource.MANUAL) {
            return;
        }
        write(fact.clientId(), fact.loggedAt(), AuditAction.MANUAL_MARK, fact.employeeId(), true, EventData.create()
                .put("client_user_id", fact.clientUserId()).put("attendance_id", fact.logId()).put("name", fact.name()));
    }

    void erasure(@Observes ClientUserDeleted fact) {
        write(fact.clientId(), fact.deletedAt(), AuditAction.USER_ERASURE, fact.externalUserId(), true,
                EventData.create().put("client_user_id", fact.clientUserId()));
    }

    void spoof(@Observes SpoofSuspected fact) {
        write(fact.clientId(), fact.detectedAt(), AuditAction.SPOOF_SUSPECTED, externalId(fact.clientUserId()), false, EventData.create()
                .put("client_user_id", fact.clientUserId())
                .put("session_id", fact.sessionId())
                .put("session_type", fact.purpose().apiName())
                .put("liveness_score", fact.livenessScore()));
    }

    void export(@Observes ReportReady fact) {
        write(fact.clientId(), fact.completedAt(), AuditAction.EXPORT, null, true, EventData.create()
                .put("report_id", fact.number())
                .put("format", fact.format())
                .put("date_from", fact.dateFrom().toString())
                .put("date_to", fact.dateTo().toString())
                .put("rows", fact.rows())
                .put("schedule_id", fact.scheduleId()));
    }

    void configuration(@Observes SettingsChanged fact) {
        write(fact.clientId(), fact.at(), AuditAction.CONFIGURATION_CHANGE, null, true, EventData.create()
                .put("settings", fact.settings())
                .put("target_id", fact.targetId())
                .put("change", fact.change())
                .put("fields", JsonProcessing.PROVIDER.createArrayBuilder(fact.fields()).build()));
    }

    void rotation(@Observes SecretRotated fact) {
        write(fact.clientId(), fact.at(), AuditAction.KEY_ROTATION, null, true,
                EventData.create().put("secret", fact.secret()).put("target_id", fact.targetId()));
    }

    /** Failures and suspicions are warnings; everything else is information. */
    static AuditSeverity severity(AuditAction action, boolean success) {
        return action == AuditAction.SPOOF_SUSPECTED || !success ? AuditSeverity.WARNING : AuditSeverity.INFO;
    }

    private void write(UUID clientId, Instant at, AuditAction action, String userId, boolean success, EventData details) {
        String ipAddress = null;
        String userAgent = null;
        try {
            ipAddress = call.ipAddress();
            userAgent = call.userAgent();
        } catch (ContextNotActiveException noCaller) {
            // A fact of a thread that answers no call (a frame's worker, an executor): nobody to name.
        }
        em.persist(new AuditEntry(clientId, at, action, userId, success, severity(action, success), details.build().toString(), ipAddress,
                userAgent));
    }

    /** The person's own id in the client's system, when the fact names them only by our id. */
    private String externalId(UUID clientUserId) {
        if (clientUserId == null) {
            return null;
        }
        ClientUser person = em.find(ClientUser.class, clientUserId);
        return person == null ? null : person.getExternalUserId();
    }
}
