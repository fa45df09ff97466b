package io.facegate.domain.attendance;

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
 * One attendance of one person: when, where (a camera, a place), how it was established and how
 * sure. Never changed once written: a manual mark records why and by whom, which makes the log its
 * own audit trail.
 */
@Entity
@Table(name = "attendance_log")
public class AttendanceLog {

    @Id
    private UUID id;

    @Column(name = "client_id", nullable = false, updatable = false)
    private UUID clientId;

    @Column(name = "client_user_id", nullable = false, updatable = false)
    private UUID clientUserId;

    @Column(updatable = false)
    private String department;

    @Column(name = "logged_at", nullable = false, updatable = false)
    private Instant loggedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private AttendanceSource source;

    @Column(name = "camera_code", updatable = false)
    private String cameraCode;

    @Column(name = "camera_name", updatable = false)
    private String cameraName;

    @Column(name = "camera_location", updatable = false)
    private String cameraLocation;

    @Column(updatable = false)
    private Double confidence;

    @Column(name = "verification_time", updatable = false)
    private Double verificationTime;

    @Column(name = "anti_spoof_score", updatable = false)
    private Double antiSpoofScore;

    @Column(updatable = false)
    private Double latitude;

    @Column(updatable = false)
    private Double longitude;

    @Column(updatable = false)
    private String reason;

    @Column(name = "marked_by", updatable = false)
    private String markedBy;

    @Column(name = "recorded_by", updatable = false)
    private String recordedBy;

    @Column(name = "reference_id", updatable = false)
    @Convert(converter = OptionalUuidConverter.class)
    private UUID referenceId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected AttendanceLog() {
        // for JPA
    }

    /** Where the person was seen: a camera's id, name and location, or a phone's position; any of them unknown. */
    public record Place(String cameraCode, String cameraName, String location, Double latitude, Double longitude) {
        public static final Place NOWHERE = new Place(null, null, null, null, null);

        public static Place camera(String cameraCode, String cameraName, String location) {
            return new Place(cameraCode, cameraName, location, null, null);
        }

        public static Place position(double latitude, double longitude) {
            return new Place(null, null, null, latitude, longitude);
        }
    }

    /** How sure the recognition was; all null for a manual mark. */
    public record Evidence(Double confidence, Double verificationTime, Double antiSpoofScore) {
        public static final Evidence NONE = new Evidence(null, null, null);
    }

    /** Who marked a manual attendance and why. */
    public record Mark(String reason, String markedBy, String recordedBy) {
    }

    public AttendanceLog(UUID clientId, UUID clientUserId, String department, Instant loggedAt, AttendanceSource source, Place place,
                         Evidence evidence, UUID referenceId, Instant now) {
        this.id = UUID.randomUUID();
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.clientUserId = Objects.requireNonNull(clientUserId, "clientUserId");
        this.department = department;
        this.loggedAt = Objects.requireNonNull(loggedAt, "loggedAt");
        this.source = Objects.requireNonNull(source, "source");
        this.cameraCode = place.cameraCode();
        this.cameraName = place.cameraName();
        this.cameraLocation = place.location();
        this.latitude = place.latitude();
        this.longitude = place.longitude();
        this.confidence = evidence.confidence();
        this.verificationTime = evidence.verificationTime();
        this.antiSpoofScore = evidence.antiSpoofScore();
        this.referenceId = referenceId;
        this.createdAt = now;
    }

    /** A manual mark: it must say why and who did it. */
    public static AttendanceLog manual(UUID clientId, UUID clientUserId, String department, Instant loggedAt, Mark mark, Instant now) {
        if (mark.reason() == null || mark.reason().isBlank() || mark.recordedBy() == null) {
            throw new IllegalArgumentException("a manual attendance needs a reason and who recorded it");
        }
        AttendanceLog log = new AttendanceLog(clientId, clientUserId, department, loggedAt, AttendanceSource.MANUAL, Place.NOWHERE,
                Evidence.NONE, null, now);
        log.reason = mark.reason().strip();
        log.markedBy = mark.markedBy();
        log.recordedBy = mark.recordedBy();
        return log;
    }

    public UUID getId() {
        return id;
    }

    public UUID getClientId() {
        return clientId;
    }

    public UUID getClientUserId() {
        return clientUserId;
    }

    public String getDepartment() {
        return department;
    }

    public Instant getLoggedAt() {
        return loggedAt;
    }

    public AttendanceSource getSource() {
        return source;
    }

    public Place getPlace() {
        return new Place(cameraCode, cameraName, cameraLocation, latitude, longitude);
    }

    public Double getConfidence() {
        return confidence;
    }

    public Double getVerificationTime() {
        return verificationTime;
    }

    public Double getAntiSpoofScore() {
        return antiSpoofScore;
    }

    public String getReason() {
        return reason;
    }

    public String getMarkedBy() {
        return markedBy;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public UUID getReferenceId() {
        return referenceId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
