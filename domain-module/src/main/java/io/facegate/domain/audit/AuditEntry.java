package io.facegate.domain.audit;

import io.facegate.domain.shared.OptionalUuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
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
 * One audited fact of a client (or, without a client, of the operator: an admin-token login), with
 * where the call that caused it came from when its transport knew. Every column is {@code updatable = false} and the class has no
 * setter: an entry cannot change once written; entries leave only through the retention purge or
 * with their client.
 */
@Entity
@Table(name = "audit_log")
@NamedQuery(name = AuditEntry.DELETE_OLDER_THAN, query = "delete from AuditEntry a where a.occurredAt < :cutoff")
public class AuditEntry {

    public static final String DELETE_OLDER_THAN = "AuditEntry.deleteOlderThan";
    public static final int MAX_USER_ID_LENGTH = 255;
    public static final int MAX_ADDRESS_LENGTH = 45;
    public static final int MAX_USER_AGENT_LENGTH = 512;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Null for the operator's own entries. */
    @Column(name = "client_id", updatable = false)
    @Convert(converter = OptionalUuidConverter.class)
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

    @Column(name = "ip_address", updatable = false)
    private String ipAddress;

    @Column(name = "user_agent", updatable = false)
    private String userAgent;

    protected AuditEntry() {
        // for JPA
    }

    /**
     * @param clientId  the client whose fact it is; null only for the operator's own
     * @param ipAddress the caller's address, null when no caller made the fact or its transport did not say
     * @param userAgent the caller's {@code User-Agent}, likewise
     */
    public AuditEntry(UUID clientId, Instant occurredAt, AuditAction action, String userId, boolean success, AuditSeverity severity,
                      String detailsJson, String ipAddress, String userAgent) {
        this.clientId = clientId;
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
        this.action = Objects.requireNonNull(action, "action");
        // An external id longer than the column is the client's data, not a reason to lose the entry.
        this.userId = cut(userId, MAX_USER_ID_LENGTH);
        this.success = success;
        this.severity = Objects.requireNonNull(severity, "severity");
        this.details = detailsJson == null ? "{}" : detailsJson;
        this.ipAddress = cut(ipAddress, MAX_ADDRESS_LENGTH);
        this.userAgent = cut(userAgent, MAX_USER_AGENT_LENGTH);
    }

    /** A caller's header longer than the column is theirs to send, not a reason to lose the entry. */
    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
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

    public String getIpAddress() {
        return ipAddress;
    }

    public String getUserAgent() {
        return userAgent;
    }
}
