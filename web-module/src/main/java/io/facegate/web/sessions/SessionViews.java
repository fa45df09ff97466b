package io.facegate.web.sessions;

import io.facegate.crypto.EncryptedResult;
import io.facegate.domain.clients.ClientUser;
import io.facegate.domain.sessions.FaceSession;
import io.facegate.domain.sessions.SessionPurpose;
import io.facegate.sessions.FrameOutcome;
import io.facegate.sessions.OpenedSession;
import io.facegate.web.http.JsonDocuments;
import jakarta.json.JsonObject;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The JSON shapes of sessions (seeds 000, 001, 003), built from the use case's results. */
public final class SessionViews {

    private SessionViews() {
    }

    /** Seed 001's enrollment/authentication creation response, with both seeds' fields. */
    public record CreatedSession(String sessionToken, UUID sessionId, UUID enrollmentId, String status, String sessionType,
                          String channel, String userId, Integer targetSamples, Boolean requireLiveness,
                          Integer minFramesRequired, Integer requiredBlinks, Instant expiresAt, String websocketUrl,
                          String message) {

        static CreatedSession of(OpenedSession opened, String websocketUrl) {
            FaceSession s = opened.session();
            boolean enrollment = s.getPurpose() == SessionPurpose.ENROLLMENT;
            var requirements = s.getRequirements();
            return new CreatedSession(opened.token(), s.getId(), enrollment ? s.getId() : null, s.getStatus().apiName(),
                    s.getPurpose().apiName(), s.getChannel().apiName(), opened.user() == null ? null : opened.user().getExternalUserId(),
                    enrollment ? requirements.targetSamples() : null,
                    enrollment ? null : requirements.requireLiveness(),
                    enrollment ? null : requirements.minFrames(),
                    enrollment ? null : requirements.requiredBlinks(),
                    s.getExpiresAt(), websocketUrl,
                    enrollment ? "Enrollment session created. Stream frames to continue."
                            : "Authentication session created. Stream frames to continue.");
        }
    }

    /** The person a session enrolled, verified or identified. */
    public record MatchedUser(String userId, UUID id, String displayName) {
        static MatchedUser of(ClientUser user) {
            return user == null ? null : new MatchedUser(user.getExternalUserId(), user.getId(), user.getDisplayName());
        }
    }

    public record Rejection(String code, String reason, List<String> qualityIssues) {
        static Rejection of(FrameOutcome.FrameRejection rejection) {
            return rejection == null ? null : new Rejection(rejection.code(), rejection.reason(), rejection.issues());
        }
    }

    /**
     * Seed 001's per-frame feedback. Enrollment frames carry {@code enrollment_progress} and, at
     * the end, {@code enrollment_complete}; authentication frames at the end carry {@code result},
     * {@code matched_user}, {@code similarity_score} and, on failure, {@code error}.
     */
    public record ProcessedFrame(boolean success, String sessionStatus, String sessionType, Double enrollmentProgress,
                          boolean requiresMoreFrames, boolean frameAccepted, Double qualityScore, int facesIgnored, Rejection rejection,
                          String instruction, int framesProcessed, int framesAccepted, Integer targetSamples,
                          Double livenessScore, Boolean livenessVerified, Boolean enrollmentComplete, UUID enrollmentId,
                          String result, MatchedUser matchedUser, Double similarityScore, String error, String failureReason,
                          EncryptedResult encryptedData, String message) {

        static ProcessedFrame of(FrameOutcome outcome) {
            FaceSession s = outcome.session();
            boolean enrollment = s.getPurpose() == SessionPurpose.ENROLLMENT;
            boolean ended = outcome.sessionEnded();
            boolean succeeded = succeeded(s);
            int target = targetFrames(s);
            return new ProcessedFrame(
                    frameSucceeded(outcome),
                    s.getStatus().apiName(), s.getPurpose().apiName(),
                    enrollment ? Math.round(1000.0 * Math.min(s.getFramesAccepted(), target) / target) / 10.0 : null,
                    !ended, outcome.frameAccepted(), outcome.qualityScore(), outcome.facesIgnored(), Rejection.of(outcome.rejection()),
                    outcome.prompt(), s.getFramesProcessed(), s.getFramesAccepted(), target,
                    s.getLivenessScore(), s.getLivenessVerified(),
                    enrollment && ended ? succeeded : null,
                    enrollment ? s.getId() : null,
                    !enrollment && ended ? (succeeded ? "success" : "failure") : null,
                    succeeded && !enrollment ? MatchedUser.of(outcome.matchedUser()) : null,
                    enrollment ? null : s.getConfidenceScore(),
                    ended && !succeeded ? s.getOutcomeMessage() : null,
                    ended && !succeeded ? s.getOutcome() : null,
                    outcome.encryptedResult(),
                    outcome.message());
        }
    }

    /** Good frames the session waits for: an enrollment's samples, an authentication's frames before deciding. */
    static int targetFrames(FaceSession session) {
        return session.getPurpose() == SessionPurpose.ENROLLMENT
                ? session.getRequirements().targetSamples() : session.getRequirements().minFrames();
    }

    static boolean succeeded(FaceSession session) {
        return "success".equals(session.getOutcome());
    }

    /** A frame's {@code success}: whether it counted, or on the session's last frame whether the session succeeded. */
    static boolean frameSucceeded(FrameOutcome outcome) {
        return outcome.sessionEnded() ? succeeded(outcome.session()) : outcome.frameAccepted();
    }

    /** Seed 000's client_user_info. */
    public record ClientUserInfo(UUID id, String externalUserId, String displayName, boolean isEnrolled, String profileImageUrl) {
    }

    /** Seed 000's authentication session, for enrollment sessions too. */
    public record SessionView(UUID id, String sessionType, String channel, String status, UUID clientUser, ClientUserInfo clientUserInfo,
                       Double confidenceScore, Boolean livenessVerified, Double livenessScore, boolean spoofSuspected,
                       boolean requireLiveness, int framesProcessed, int framesAccepted, String outcome, String outcomeMessage,
                       JsonObject metadata, Instant createdAt, Instant lastFrameAt, Instant expiresAt, Instant completedAt) {

        static SessionView of(FaceSession s, ClientUserInfo user) {
            return new SessionView(s.getId(), s.getPurpose().apiName(), s.getChannel().apiName(), s.getStatus().apiName(),
                    s.getClientUserId(), user, s.getConfidenceScore(), s.getLivenessVerified(), s.getLivenessScore(),
                    s.isSpoofSuspected(), s.getRequirements().requireLiveness(), s.getFramesProcessed(), s.getFramesAccepted(),
                    s.getOutcome(), s.getOutcomeMessage(), JsonDocuments.object(s.getMetadata()), s.getCreatedAt(),
                    s.getLastFrameAt(), s.getExpiresAt(), s.getCompletedAt());
        }
    }
}
