package io.facegate.domain.cameras;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * What the server polling a camera last reported about it: status, frames, errors. Created with
 * the camera; afterwards written only by the lease holder (plain SQL, so that these frequent
 * writes never conflict with a client's edit of the camera), and read here for the API.
 */
@Entity
@Table(name = "camera_state")
public class CameraState {

    @Id
    @Column(name = "camera_id")
    private UUID cameraId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CameraStatus status;

    @Column(name = "status_since", nullable = false)
    private Instant statusSince;

    @Column(name = "lease_holder")
    private String leaseHolder;

    @Column(name = "last_frame_at")
    private Instant lastFrameAt;

    private String resolution;

    @Column(name = "fps_received")
    private Double fpsReceived;

    @Column(name = "fps_analysed")
    private Double fpsAnalysed;

    @Column(name = "frames_skipped", nullable = false)
    private long framesSkipped;

    @Column(name = "bandwidth_bps")
    private Double bandwidthBps;

    @Column(name = "quality_score")
    private Double qualityScore;

    @Column(name = "error_count", nullable = false)
    private long errorCount;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "last_error_at")
    private Instant lastErrorAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected CameraState() {
        // for JPA
    }

    /** A new camera: offline until its poller sees a frame. */
    public CameraState(UUID cameraId, Instant now) {
        this.cameraId = cameraId;
        this.status = CameraStatus.OFFLINE;
        this.statusSince = now;
        this.updatedAt = now;
    }

    public UUID getCameraId() {
        return cameraId;
    }

    public CameraStatus getStatus() {
        return status;
    }

    public Instant getStatusSince() {
        return statusSince;
    }

    public String getLeaseHolder() {
        return leaseHolder;
    }

    public Instant getLastFrameAt() {
        return lastFrameAt;
    }

    public String getResolution() {
        return resolution;
    }

    public Double getFpsReceived() {
        return fpsReceived;
    }

    public Double getFpsAnalysed() {
        return fpsAnalysed;
    }

    public long getFramesSkipped() {
        return framesSkipped;
    }

    public Double getBandwidthBps() {
        return bandwidthBps;
    }

    public Double getQualityScore() {
        return qualityScore;
    }

    public long getErrorCount() {
        return errorCount;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getLastErrorAt() {
        return lastErrorAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
