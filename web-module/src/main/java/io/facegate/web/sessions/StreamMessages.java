package io.facegate.web.sessions;

import io.facegate.crypto.EncryptedResult;
import io.facegate.domain.sessions.FaceSession;
import io.facegate.domain.sessions.SessionPurpose;
import io.facegate.sessions.FrameOutcome;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.util.UUID;

/**
 * Seed 003's server-to-client WebSocket messages, serialised in snake_case like the REST views.
 * Every message carries its {@code type}.
 */
public final class StreamMessages {

    private StreamMessages() {
    }

    public record ConnectionEstablished(String type, String sessionToken, String sessionType, String status, int targetSamples,
                                 int framesProcessed, Instant expiresAt, String message) {

        static ConnectionEstablished of(String token, FaceSession s) {
            boolean enrollment = s.getPurpose() == SessionPurpose.ENROLLMENT;
            return new ConnectionEstablished("connection_established", token, s.getPurpose().apiName(), s.getStatus().apiName(),
                    SessionViews.targetFrames(s), s.getFramesProcessed(), s.getExpiresAt(),
                    enrollment ? "Enrollment session ready" : "Authentication session ready");
        }
    }

    /**
     * Feedback on one analysed frame. {@code instruction} is what the person should do next
     * ("blink", "move closer"); {@code rejection} why the frame was not used; {@code frame_id}
     * echoes the client's optional id of the frame, so a client can tell which frames were skipped;
     * {@code faces_ignored} counts faces clearly smaller than the person's, left aside.
     */
    public record FrameProcessed(String type, JsonValue frameId, boolean success, boolean frameAccepted, SessionViews.Rejection rejection,
                          String instruction, Double qualityScore, int facesIgnored, int framesProcessed, int framesAccepted, int targetSamples,
                          Boolean livenessVerified, Double livenessScore, String sessionStatus, String message) {

        static FrameProcessed of(JsonValue frameId, FrameOutcome outcome) {
            FaceSession s = outcome.session();
            return new FrameProcessed("frame_processed", frameId, SessionViews.frameSucceeded(outcome), outcome.frameAccepted(),
                    SessionViews.Rejection.of(outcome.rejection()), outcome.prompt(), outcome.qualityScore(),
                    outcome.facesIgnored(), s.getFramesProcessed(), s.getFramesAccepted(), SessionViews.targetFrames(s),
                    s.getLivenessVerified(), s.getLivenessScore(), s.getStatus().apiName(), outcome.message());
        }
    }

    /** Sent after the frame that ended an enrollment, successful or not. */
    public record EnrollmentComplete(String type, boolean success, UUID enrollmentId, String userId, int framesProcessed,
                              Boolean livenessVerified, EncryptedResult encryptedData, String failureReason, String message) {
    }

    /** Sent after the frame that ended a verification or identification, successful or not. */
    public record AuthenticationComplete(String type, boolean success, boolean authenticated, String userId, Double confidence,
                                  int framesProcessed, Boolean livenessVerified, Double livenessScore, EncryptedResult encryptedData,
                                  String failureReason, String message) {
    }

    /** The message that tells the client how its session ended. */
    static Object completion(FrameOutcome outcome) {
        FaceSession s = outcome.session();
        boolean succeeded = SessionViews.succeeded(s);
        String userId = succeeded && outcome.matchedUser() != null ? outcome.matchedUser().getExternalUserId() : null;
        String failureReason = succeeded ? null : s.getOutcome();
        if (s.getPurpose() == SessionPurpose.ENROLLMENT) {
            return new EnrollmentComplete("enrollment_complete", succeeded, s.getId(), userId, s.getFramesProcessed(),
                    s.getLivenessVerified(), outcome.encryptedResult(), failureReason, s.getOutcomeMessage());
        }
        return new AuthenticationComplete("authentication_complete", succeeded, succeeded, userId, s.getConfidenceScore(),
                s.getFramesProcessed(), s.getLivenessVerified(), s.getLivenessScore(), outcome.encryptedResult(), failureReason,
                s.getOutcomeMessage());
    }

    /** How the connection closes after its session ended: 1000 on success, 4403 for a failed authentication, 4000 otherwise. */
    static StreamClose closing(FaceSession ended) {
        if (SessionViews.succeeded(ended)) {
            return StreamClose.NORMAL;
        }
        return ended.getPurpose() == SessionPurpose.ENROLLMENT ? StreamClose.GENERIC : StreamClose.FORBIDDEN;
    }

    /**
     * A refusal: {@code error} is for people (seed 003), {@code error_code} for programs (the REST
     * error codes), {@code code} the class of problem as a close code.
     */
    public record Error(String type, String error, int code, String errorCode) {
        static Error of(StreamClose kind, String errorCode, String message) {
            return new Error("error", message, kind.code, errorCode);
        }
    }

    public record Pong(String type) {
        static final Pong INSTANCE = new Pong("pong");
    }
}
