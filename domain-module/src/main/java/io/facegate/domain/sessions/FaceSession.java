package io.facegate.domain.sessions;

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

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One enrollment or authentication session: its settings, its progress over the frames received,
 * and its outcome. Frames themselves are never stored here.
 */
@Entity
@Table(name = "face_session")
@NamedQuery(name = FaceSession.BY_TOKEN_HASH, query = "select s from FaceSession s where s.tokenHash = :tokenHash")
@NamedQuery(name = FaceSession.IDLE, query = "select s from FaceSession s where s.expiresAt < :now"
        + " and s.status in (io.facegate.domain.sessions.SessionStatus.PENDING, io.facegate.domain.sessions.SessionStatus.ACTIVE,"
        + " io.facegate.domain.sessions.SessionStatus.PROCESSING)")
public class FaceSession {

    public static final String BY_TOKEN_HASH = "FaceSession.byTokenHash";
    public static final String IDLE = "FaceSession.idle";

    @Id
    private UUID id;

    @Column(name = "client_id", nullable = false, updatable = false)
    private UUID clientId;

    @Column(name = "token_hash", nullable = false, updatable = false)
    private String tokenHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private SessionPurpose purpose;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private SessionChannel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SessionStatus status;

    @Column(name = "client_user_id")
    @Convert(converter = OptionalUuidConverter.class)
    private UUID clientUserId;

    @Column(name = "require_liveness", nullable = false, updatable = false)
    private boolean requireLiveness;

    @Column(name = "target_samples", nullable = false, updatable = false)
    private int targetSamples;

    @Column(name = "min_frames", nullable = false, updatable = false)
    private int minFrames;

    @Column(name = "max_frames", nullable = false, updatable = false)
    private int maxFrames;

    @Column(name = "required_blinks", nullable = false, updatable = false)
    private int requiredBlinks;

    @Column(name = "frames_processed", nullable = false)
    private int framesProcessed;

    @Column(name = "frames_accepted", nullable = false)
    private int framesAccepted;

    @Column(name = "confidence_score")
    private Double confidenceScore;

    @Column(name = "liveness_score")
    private Double livenessScore;

    @Column(name = "liveness_verified")
    private Boolean livenessVerified;

    @Column(name = "spoof_suspected", nullable = false)
    private boolean spoofSuspected;

    /** Machine-readable result: {@code success}, or why it failed ({@code no_match}, {@code liveness_failed}, ...). */
    @Column
    private String outcome;

    @Column(name = "outcome_message")
    private String outcomeMessage;

    @Column(nullable = false, updatable = false)
    private String metadata;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_frame_at")
    private Instant lastFrameAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Version
    private long version;

    protected FaceSession() {
        // for JPA
    }

    /**
     * @param clientUserId the enrolling or claimed person; null for identification
     * @param idleTimeout  how long the session waits for its next frame
     */
    public FaceSession(UUID clientId, String tokenHash, SessionPurpose purpose, SessionChannel channel, UUID clientUserId,
                       SessionRequirements requirements, String metadataJson, Instant now, Duration idleTimeout) {
        if ((purpose == SessionPurpose.IDENTIFICATION) != (clientUserId == null)) {
            throw new IllegalArgumentException(purpose + " session " + (clientUserId == null ? "needs" : "takes no") + " user");
        }
        this.id = UUID.randomUUID();
        this.clientId = clientId;
        this.tokenHash = tokenHash;
        this.purpose = purpose;
        this.channel = channel;
        this.status = purpose == SessionPurpose.ENROLLMENT ? SessionStatus.PENDING : SessionStatus.ACTIVE;
        this.clientUserId = clientUserId;
        this.requireLiveness = requirements.requireLiveness();
        this.targetSamples = requirements.targetSamples();
        this.minFrames = requirements.minFrames();
        this.maxFrames = requirements.maxFrames();
        this.requiredBlinks = requirements.requiredBlinks();
        this.metadata = metadataJson == null ? "{}" : metadataJson;
        this.createdAt = now;
        this.expiresAt = now.plus(idleTimeout);
    }

    public boolean belongsTo(UUID client) {
        return clientId.equals(client);
    }

    /** Open but past its idle deadline: the next look at it expires it. */
    public boolean isIdleAt(Instant now) {
        return status.isOpen() && !now.isBefore(expiresAt);
    }

    /** Counts a frame and pushes the idle deadline back. */
    public void recordFrame(boolean accepted, Instant now, Duration idleTimeout) {
        requireOpen();
        framesProcessed++;
        if (accepted) {
            framesAccepted++;
        }
        status = SessionStatus.PROCESSING;
        lastFrameAt = now;
        expiresAt = now.plus(idleTimeout);
    }

    public void recordLiveness(double score, boolean verified, boolean spoofSuspected) {
        this.livenessScore = score;
        this.livenessVerified = verified;
        this.spoofSuspected |= spoofSuspected;
    }

    /** @param identifiedUserId the person found (identification) or confirmed; null keeps the current link */
    public void complete(UUID identifiedUserId, Double confidence, String message, Instant now) {
        requireOpen();
        if (identifiedUserId != null) {
            this.clientUserId = identifiedUserId;
        }
        this.confidenceScore = confidence;
        end(SessionStatus.COMPLETED, "success", message, now);
    }

    public void fail(String reason, String message, Double confidence, Instant now) {
        requireOpen();
        this.confidenceScore = confidence;
        end(SessionStatus.FAILED, reason, message, now);
    }

    public void expire(Instant now) {
        requireOpen();
        end(SessionStatus.EXPIRED, "expired", "no frame arrived before the session's idle deadline", now);
    }

    private void end(SessionStatus finalStatus, String outcomeCode, String message, Instant now) {
        this.status = finalStatus;
        this.outcome = outcomeCode;
        this.outcomeMessage = message;
        this.completedAt = now;
    }

    private void requireOpen() {
        if (!status.isOpen()) {
            throw new IllegalStateException("session " + id + " is " + status);
        }
    }

    public UUID getId() {
        return id;
    }

    public UUID getClientId() {
        return clientId;
    }

    public SessionPurpose getPurpose() {
        return purpose;
    }

    public SessionChannel getChannel() {
        return channel;
    }

    public SessionStatus getStatus() {
        return status;
    }

    public UUID getClientUserId() {
        return clientUserId;
    }

    public SessionRequirements getRequirements() {
        return new SessionRequirements(requireLiveness, targetSamples, minFrames, maxFrames, requiredBlinks);
    }

    public int getFramesProcessed() {
        return framesProcessed;
    }

    public int getFramesAccepted() {
        return framesAccepted;
    }

    public Double getConfidenceScore() {
        return confidenceScore;
    }

    public Double getLivenessScore() {
        return livenessScore;
    }

    public Boolean getLivenessVerified() {
        return livenessVerified;
    }

    public boolean isSpoofSuspected() {
        return spoofSuspected;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getOutcomeMessage() {
        return outcomeMessage;
    }

    public String getMetadata() {
        return metadata;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastFrameAt() {
        return lastFrameAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }
}
