package io.facegate.sessions;

import io.facegate.crypto.EncryptedResult;
import io.facegate.domain.clients.ClientUser;
import io.facegate.domain.sessions.FaceSession;

import java.util.List;

/**
 * What one frame did to its session, for the REST and WebSocket boundaries to render.
 *
 * @param frameAccepted   whether the frame counted towards the session
 * @param rejection       why it did not (null when accepted)
 * @param qualityScore    the face's quality, null without a (dominant) face
 * @param facesIgnored    faces seen besides the dominant one, clearly smaller and left aside
 * @param prompt          what the person should do next ("blink", "move closer", ...), null when nothing
 * @param session         the session after this frame
 * @param matchedUser     the verified or identified person when the session completed successfully
 * @param encryptedResult the seed-003 encrypted result when the session completed successfully
 * @param message         a human-readable summary of the frame and the session
 */
public record FrameOutcome(boolean frameAccepted, FrameRejection rejection, Double qualityScore, int facesIgnored, String prompt,
                           FaceSession session, ClientUser matchedUser, EncryptedResult encryptedResult, String message) {

    /** Why a frame was not used. {@code issues} lists the quality problems, if that was the reason. */
    public record FrameRejection(String code, String reason, List<String> issues) {
    }

    public boolean sessionEnded() {
        return !session.getStatus().isOpen();
    }
}
