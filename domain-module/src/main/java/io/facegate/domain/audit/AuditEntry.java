package io.facegate.domain.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One audited fact of a client. Every column is {@code updatable = false} and the class has no
 * setter: an entry cannot change once written; entries leave only through the retention purge or
 * with their client.
 */
@Entity
@Table(name = "audit_log")
@NamedQuery(name = AuditEntry.DELETE_OLDER_THAN, query = "delete from AuditEntry a where a.occurredAt < :cutoff")
public class AuditEntry {

    public static final String DELETE_OLDER_THAN = "AuditEntry.deleteOlderThan";
    public static final int MAX_USER_ID_LENGTH = 255;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "client_id", nullable = false, updatable = false)
    private UUID clientId;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private AuditAction action;

    @Column(name = "user_id", updatable = false)
    private String userId;

    @Column(nullable = false, updatable = false)
    private boolean success;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private AuditSeverity severity;

    /** JSON object: what the action concerned (session, camera, confidence, reason...). */
    @Column(nullable = false, updatable = false)
    private String details;

    protected AuditEntry() {
        // for JPA
    }

    public AuditEntry(UUID clientId, Instant occurredAt, AuditAction action, String userId, boolean success, AuditSeverity severity,
                      String detailsJson) {
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
        this.action = Objects.requireNonNull(action, "action");
        // An external id longer than the column is the client's data, not a reason to lose the entry.
        this.userId = userId == null || userId.length() <= MAX_USER_ID_LENGTH ? userId : userId.substring(0, MAX_USER_ID_LENGTH);
        this.success = success;
        this.severity = Objects.requireNonNull(severity, "severity");
        this.details = detailsJson == null ? "{}" : detailsJson;
    }

    public Long getId() {
        return id;
    }

    public UUID getClientId() {
        return clientId;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public AuditAction getAction() {
        return action;
    }

    public String getUserId() {
        return userId;
    }

    public boolean isSuccess() {
        return success;
    }

    public AuditSeverity getSeverity() {
        return severity;
    }

    public String getDetails() {
        return details;
    }
}
