package io.facegate.web.sessions;

import io.facegate.system.FaceGateException;
import jakarta.websocket.CloseReason;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Seed 003's close codes. The same numbers are the {@code code} of {@code error} messages, so a
 * refusal that leaves the connection open still says which class of problem it was.
 */
enum StreamClose {
    /** The session completed. */
    NORMAL(1000),
    /** The session ended without success for a reason that is not the caller's fault (e.g. too few good frames). */
    GENERIC(4000),
    /** Invalid token, a session that already ended, a second connection, or an unusable message or image. */
    BAD_REQUEST(4400),
    SESSION_EXPIRED(4401),
    /** Authentication failed, the client is disabled, or the page's Origin is not one of the client's. */
    FORBIDDEN(4403),
    NOT_FOUND(4404),
    TOO_MANY_FRAMES(4429),
    INTERNAL_ERROR(4500);

    /** The WebSocket protocol limits a close reason to 123 bytes of UTF-8. */
    private static final int MAX_REASON_BYTES = 123;

    /** Conflicts that mean the session can take no more frames; others (a frame already in flight over REST) can be retried. */
    private static final Set<String> SESSION_ENDING_CONFLICTS = Set.of("session_closed", "session_interrupted");

    final int code;

    StreamClose(int code) {
        this.code = code;
    }

    CloseReason reason(String text) {
        String phrase = text;
        while (phrase.getBytes(StandardCharsets.UTF_8).length > MAX_REASON_BYTES) {
            phrase = phrase.substring(0, phrase.length() - 1);
        }
        return new CloseReason(CloseReason.CloseCodes.getCloseCode(code), phrase);
    }

    /** The class of a use-case refusal on a stream. */
    static StreamClose of(FaceGateException refusal) {
        return switch (refusal.kind()) {
            case NOT_FOUND -> NOT_FOUND;
            case GONE -> SESSION_EXPIRED;
            case UNAUTHENTICATED, FORBIDDEN -> FORBIDDEN;
            case RATE_LIMITED -> TOO_MANY_FRAMES;
            case UNAVAILABLE -> INTERNAL_ERROR;
            case INVALID_REQUEST, CONFLICT, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, UNPROCESSABLE -> BAD_REQUEST;
        };
    }

    /**
     * Whether a refusal of one frame ends the stream. A bad image or a frame in flight over REST is
     * answered with an {@code error} message and the stream goes on; an unknown, expired or ended
     * session, or a server that cannot take the session now, closes it.
     */
    static boolean endsStream(FaceGateException refusal) {
        return switch (refusal.kind()) {
            case NOT_FOUND, GONE, UNAUTHENTICATED, FORBIDDEN, UNAVAILABLE -> true;
            case CONFLICT -> SESSION_ENDING_CONFLICTS.contains(refusal.code());
            default -> false;
        };
    }
}
