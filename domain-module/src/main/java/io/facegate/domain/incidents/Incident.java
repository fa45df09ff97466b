package io.facegate.domain.incidents;

import io.facegate.domain.shared.OptionalUuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A security incident of a client: reported by its admins, or raised by FaceGate from a session
 * that looked like a presentation attack. A record of what was seen, so nothing in it changes.
 */
@Entity
@Table(name = "security_incident")
public class Incident {

    public static final int MAX_DESCRIPTION_LENGTH = 2000;

    /** Who raised an automatic incident, in {@code reported_by}. */
    public static final String FACEGATE = "facegate";

    /** Where an incident came from. */
    public enum Origin {
        REPORTED, AUTOMATIC
    }

    @Id
    private UUID id;

    @Column(name = "client_id", nullable = false, updatable = false)
    private UUID clientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private IncidentType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private IncidentSeverity severity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Origin origin;

    @Column(name = "camera_code", updatable = false)
    private String cameraCode;

    @Column(nullable = false, updatable = false)
    private String description;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "image_key", updatable = false)
    private String imageKey;

    @Column(name = "image_content_type", updatable = false)
    private String imageContentType;

    @Column(name = "reported_by", nullable = false, updatable = false)
    private String reportedBy;

    @Column(name = "session_id", updatable = false)
    @Convert(converter = OptionalUuidConverter.class)
    private UUID sessionId;

    /** Set to null by the database when the person is erased. */
    @Column(name = "client_user_id", updatable = false)
    @Convert(converter = OptionalUuidConverter.class)
    private UUID clientUserId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Incident() {
        // for JPA
    }

    private Incident(UUID id, UUID clientId, IncidentType type, IncidentSeverity severity, Origin origin, String cameraCode,
                     String description, Instant occurredAt, String reportedBy, UUID sessionId, UUID clientUserId, Instant now) {
        if (description == null || description.isBlank() || description.length() > MAX_DESCRIPTION_LENGTH) {
            throw new IllegalArgumentException("description must be 1 to " + MAX_DESCRIPTION_LENGTH + " characters");
        }
        this.id = Objects.requireNonNull(id, "id");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.type = Objects.requireNonNull(type, "type");
        this.severity = Objects.requireNonNull(severity, "severity");
        this.origin = origin;
        this.cameraCode = cameraCode;
        this.description = description;
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
        this.reportedBy = Objects.requireNonNull(reportedBy, "reportedBy");
        this.sessionId = sessionId;
        this.clientUserId = clientUserId;
        this.createdAt = Objects.requireNonNull(now, "now");
    }

    /**
     * An incident a person or the client reports.
     *
     * @param occurredAt when it happened, or null for now; never in the future
     */
    public static Incident reported(UUID id, UUID clientId, IncidentType type, IncidentSeverity severity, String cameraCode,
                                    String description, Instant occurredAt, String reportedBy, Instant now) {
        if (occurredAt != null && occurredAt.isAfter(now)) {
            throw new IllegalArgumentException("an incident cannot have happened in the future");
        }
        return new Incident(id, clientId, type, severity, Origin.REPORTED, cameraCode, description, occurredAt == null ? now : occurredAt,
                reportedBy, null, null, now);
    }

    /** An incident FaceGate raises from what a session's frames showed. */
    public static Incident raised(UUID clientId, IncidentType type, IncidentSeverity severity, String description, UUID sessionId,
                                  UUID clientUserId, Instant occurredAt) {
        return new Incident(UUID.randomUUID(), clientId, type, severity, Origin.AUTOMATIC, null, description, occurredAt, FACEGATE,
                sessionId, clientUserId, occurredAt);
    }

    /** Attaches the stored photo; only while the incident is being reported (columns are not updatable afterwards). */
    public void attachImage(String key, String contentType) {
        this.imageKey = Objects.requireNonNull(key, "key");
        this.imageContentType = Objects.requireNonNull(contentType, "contentType");
    }

    public UUID getId() {
        return id;
    }

    public UUID getClientId() {
        return clientId;
    }

    public IncidentType getType() {
        return type;
    }

    public IncidentSeverity getSeverity() {
        return severity;
    }

    public Origin getOrigin() {
        return origin;
    }

    public String getCameraCode() {
        return cameraCode;
    }

    public String getDescription() {
        return description;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getImageKey() {
        return imageKey;
    }

    public String getImageContentType() {
        return imageContentType;
    }

    public String getReportedBy() {
        return reportedBy;
    }

    public UUID getSessionId() {
        return sessionId;
    }

    public UUID getClientUserId() {
        return clientUserId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
