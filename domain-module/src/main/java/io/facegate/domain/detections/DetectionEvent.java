package io.facegate.domain.detections;

import io.facegate.domain.shared.OptionalUuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * One face a camera followed across frames (one person walking past), with what recognition made
 * of its best view. Created when the track is confirmed; {@link #seen} as it goes on, {@link #improve}
 * when a better view arrives.
 */
@Entity
@Table(name = "detection_event")
@NamedQuery(name = DetectionEvent.OF_PERSON, query = "select d from DetectionEvent d where d.clientUserId = :clientUserId")
@NamedQuery(name = DetectionEvent.WITH_SNAPSHOTS_BEFORE,
        query = "select d from DetectionEvent d where d.frameSnapshotKey is not null and d.detectedAt < :cutoff order by d.detectedAt")
public class DetectionEvent {

    public static final String OF_PERSON = "DetectionEvent.ofPerson";
    public static final String WITH_SNAPSHOTS_BEFORE = "DetectionEvent.withSnapshotsBefore";

    /** Where the face was in the frame, in pixels (seed 002's box). */
    public record Box(int top, int right, int bottom, int left) {
    }

    /** What recognition made of one view of the face. */
    public record Finding(DetectionStatus status, UUID clientUserId, int candidates, Double confidence, Box box, double quality) {
    }

    @Id
    private UUID id;

    @Column(name = "client_id", nullable = false, updatable = false)
    private UUID clientId;

    @Column(name = "camera_id")
    @Convert(converter = OptionalUuidConverter.class)
    private UUID cameraId;

    @Column(name = "camera_code", nullable = false, updatable = false)
    private String cameraCode;

    @Column(name = "track_id", nullable = false, updatable = false)
    private UUID trackId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DetectionStatus status;

    @Column(name = "client_user_id")
    @Convert(converter = OptionalUuidConverter.class)
    private UUID clientUserId;

    @Column(nullable = false)
    private int candidates;

    private Double confidence;

    @Column(name = "box_top", nullable = false)
    private int boxTop;

    @Column(name = "box_right", nullable = false)
    private int boxRight;

    @Column(name = "box_bottom", nullable = false)
    private int boxBottom;

    @Column(name = "box_left", nullable = false)
    private int boxLeft;

    @Column(name = "quality_score", nullable = false)
    private double qualityScore;

    @Column(name = "face_crop_key")
    private String faceCropKey;

    @Column(name = "frame_snapshot_key")
    private String frameSnapshotKey;

    @Column(name = "detected_at", nullable = false, updatable = false)
    private Instant detectedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    /** Frame arrival to recorded event, for the event's first view; null for events recorded before it was measured. */
    @Column(name = "recognition_ms")
    private Integer recognitionMs;

    @Version
    private long version;

    protected DetectionEvent() {
        // for JPA
    }

    public DetectionEvent(UUID id, UUID clientId, UUID cameraId, String cameraCode, UUID trackId, Finding finding,
                          String faceCropKey, String frameSnapshotKey, Instant detectedAt) {
        this.id = id;
        this.clientId = clientId;
        this.cameraId = cameraId;
        this.cameraCode = cameraCode;
        this.trackId = trackId;
        this.detectedAt = detectedAt;
        this.lastSeenAt = detectedAt;
        apply(finding, faceCropKey, frameSnapshotKey, detectedAt);
    }

    /** How long the first view took from the frame's arrival to this event (seed 002's recognition latency). */
    public void measuredRecognition(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("a latency cannot be negative: " + millis);
        }
        this.recognitionMs = (int) Math.min(Integer.MAX_VALUE, millis);
    }

    /** A better view of the same face: what it shows replaces what the event said. */
    public void improve(Finding finding, String newFaceCropKey, String newFrameSnapshotKey, Instant at) {
        apply(finding, newFaceCropKey, newFrameSnapshotKey, at);
        seen(at);
    }

    /** The face is still in view. */
    public void seen(Instant at) {
        if (at.isAfter(lastSeenAt)) {
            lastSeenAt = at;
        }
    }

    /** The person was erased: the event stays (someone was there), nothing of them does. */
    public void forgetPerson(Instant at) {
        clientUserId = null;
        faceCropKey = null;
        frameSnapshotKey = null;
        updatedAt = at;
    }

    /** The retention period ended for the pictures; the facts stay. */
    public void dropSnapshots(Instant at) {
        faceCropKey = null;
        frameSnapshotKey = null;
        updatedAt = at;
    }

    private void apply(Finding finding, String newFaceCropKey, String newFrameSnapshotKey, Instant at) {
        this.status = finding.status();
        this.clientUserId = finding.clientUserId();
        this.candidates = finding.candidates();
        this.confidence = finding.confidence();
        this.boxTop = finding.box().top();
        this.boxRight = finding.box().right();
        this.boxBottom = finding.box().bottom();
        this.boxLeft = finding.box().left();
        this.qualityScore = finding.quality();
        this.faceCropKey = newFaceCropKey;
        this.frameSnapshotKey = newFrameSnapshotKey;
        this.updatedAt = at;
    }

    public boolean belongsTo(UUID client) {
        return clientId.equals(client);
    }

    public UUID getId() {
        return id;
    }

    public UUID getClientId() {
        return clientId;
    }

    public UUID getCameraId() {
        return cameraId;
    }

    public String getCameraCode() {
        return cameraCode;
    }

    public UUID getTrackId() {
        return trackId;
    }

    public DetectionStatus getStatus() {
        return status;
    }

    public UUID getClientUserId() {
        return clientUserId;
    }

    public int getCandidates() {
        return candidates;
    }

    public Integer getRecognitionMs() {
        return recognitionMs;
    }

    public Double getConfidence() {
        return confidence;
    }

    public Box getBox() {
        return new Box(boxTop, boxRight, boxBottom, boxLeft);
    }

    public double getQualityScore() {
        return qualityScore;
    }

    public String getFaceCropKey() {
        return faceCropKey;
    }

    public String getFrameSnapshotKey() {
        return frameSnapshotKey;
    }

    public Instant getDetectedAt() {
        return detectedAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getLastSeenAt() {
        return lastSeenAt;
    }
}
