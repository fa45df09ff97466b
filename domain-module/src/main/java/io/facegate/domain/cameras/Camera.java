package io.facegate.domain.cameras;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A camera one client registered, known to the client by its own code ({@code CAM001}, unique per
 * client). Holds what the client configures; what the polling server observes is {@link CameraState}.
 */
@Entity
@Table(name = "camera")
@NamedQuery(name = Camera.BY_CODE, query = "select c from Camera c where c.clientId = :clientId and c.code = :code")
@NamedQuery(name = Camera.ACTIVE, query = "select c from Camera c where c.active = true")
public class Camera {

    public static final String BY_CODE = "Camera.byCode";
    public static final String ACTIVE = "Camera.active";
    public static final int MAX_CODE_LENGTH = 64;
    /** Letters, digits, '-', '_' and '.': a code is a path segment of the API. */
    public static final String CODE_PATTERN = "[A-Za-z0-9][A-Za-z0-9_.-]{0," + (MAX_CODE_LENGTH - 1) + "}";
    private static final Pattern CODE = Pattern.compile(CODE_PATTERN);

    @Id
    private UUID id;

    @Column(name = "client_id", nullable = false, updatable = false)
    private UUID clientId;

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    private String location;

    @Column(name = "ip_address")
    private String ipAddress;

    @Enumerated(EnumType.STRING)
    @Column(name = "source_kind", nullable = false)
    private CameraSourceKind sourceKind;

    @Column(name = "stream_url", nullable = false)
    private String streamUrl;

    @Column(name = "snapshot_url")
    private String snapshotUrl;

    private String username;

    @Column(name = "password_sealed")
    private String passwordSealed;

    @Column(name = "is_active", nullable = false)
    private boolean active;

    @Column(name = "detect_fps", nullable = false)
    private int detectFps;

    @Column(name = "match_threshold")
    private Double matchThreshold;

    @Column(name = "min_face_size", nullable = false)
    private int minFaceSize;

    @Column(name = "cooldown_seconds", nullable = false)
    private int cooldownSeconds;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Camera() {
        // for JPA
    }

    public Camera(UUID clientId, String code, CameraSettings settings, Instant now) {
        if (clientId == null) {
            throw new IllegalArgumentException("clientId must not be null");
        }
        if (code == null || !CODE.matcher(code.strip()).matches()) {
            throw new IllegalArgumentException("id must be 1 to " + MAX_CODE_LENGTH
                    + " letters, digits, '-', '_' or '.', starting with a letter or digit (e.g. CAM001)");
        }
        this.id = UUID.randomUUID();
        this.clientId = clientId;
        this.code = code.strip();
        this.createdAt = now;
        configure(settings, now);
    }

    /** Replaces the whole configuration. */
    public void configure(CameraSettings settings, Instant now) {
        this.name = settings.name();
        this.location = settings.location();
        this.ipAddress = settings.ipAddress();
        this.sourceKind = settings.sourceKind();
        this.streamUrl = settings.streamUrl();
        this.snapshotUrl = settings.snapshotUrl();
        this.username = settings.username();
        this.passwordSealed = settings.passwordSealed();
        this.active = settings.active();
        this.detectFps = settings.detectFps();
        this.matchThreshold = settings.matchThreshold();
        this.minFaceSize = settings.minFaceSize();
        this.cooldownSeconds = settings.cooldownSeconds();
        this.updatedAt = now;
    }

    public CameraSettings settings() {
        return new CameraSettings(name, location, ipAddress, sourceKind, streamUrl, snapshotUrl, username, passwordSealed,
                active, detectFps, matchThreshold, minFaceSize, cooldownSeconds);
    }

    public boolean belongsTo(UUID client) {
        return clientId.equals(client);
    }

    /** The stream URL as clients see it: the user name, never the password. */
    public String maskedStreamUrl() {
        return Cameras.masked(streamUrl, username, passwordSealed != null);
    }

    public String maskedSnapshotUrl() {
        return Cameras.masked(snapshotUrl, username, passwordSealed != null);
    }

    public UUID getId() {
        return id;
    }

    public UUID getClientId() {
        return clientId;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getLocation() {
        return location;
    }

    public String getIpAddress() {
        return ipAddress;
    }

    public CameraSourceKind getSourceKind() {
        return sourceKind;
    }

    public String getStreamUrl() {
        return streamUrl;
    }

    public String getSnapshotUrl() {
        return snapshotUrl;
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordSealed() {
        return passwordSealed;
    }

    public boolean isActive() {
        return active;
    }

    public int getDetectFps() {
        return detectFps;
    }

    public Double getMatchThreshold() {
        return matchThreshold;
    }

    public int getMinFaceSize() {
        return minFaceSize;
    }

    public int getCooldownSeconds() {
        return cooldownSeconds;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    /** Changes with every edit: a poller compares it to know its configuration is stale. */
    public long getVersion() {
        return version;
    }
}
