package io.facegate.web.sessions;

import io.facegate.system.ErrorKind;
import io.facegate.system.FaceGateException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamCloseTest {

    @Test
    void useCaseRefusalsMapToSeed003CloseCodes() {
        assertEquals(4404, StreamClose.of(FaceGateException.notFound("session")).code);
        assertEquals(4401, StreamClose.of(new FaceGateException(ErrorKind.GONE, "session_expired", "expired")).code);
        assertEquals(4400, StreamClose.of(new FaceGateException(ErrorKind.CONFLICT, "session_closed", "done")).code);
        assertEquals(4403, StreamClose.of(new FaceGateException(ErrorKind.FORBIDDEN, "client_disabled", "off")).code);
        assertEquals(4400, StreamClose.of(FaceGateException.invalid("invalid_image", "broken")).code);
        assertEquals(4400, StreamClose.of(new FaceGateException(ErrorKind.UNPROCESSABLE, "undecodable_image", "broken")).code);
        assertEquals(4429, StreamClose.of(new FaceGateException(ErrorKind.RATE_LIMITED, "rate_limited", "slow down")).code);
        assertEquals(4500, StreamClose.of(new FaceGateException(ErrorKind.UNAVAILABLE, "too_many_active_sessions", "busy")).code);
    }

    @Test
    void aBadFrameKeepsTheStreamOpenButAnEndedSessionClosesIt() {
        assertFalse(StreamClose.endsStream(FaceGateException.invalid("invalid_image", "broken")));
        assertFalse(StreamClose.endsStream(new FaceGateException(ErrorKind.PAYLOAD_TOO_LARGE, "image_too_large", "big")));
        assertFalse(StreamClose.endsStream(new FaceGateException(ErrorKind.CONFLICT, "frame_in_progress", "wait")));
        assertTrue(StreamClose.endsStream(new FaceGateException(ErrorKind.CONFLICT, "session_closed", "done")));
        assertTrue(StreamClose.endsStream(new FaceGateException(ErrorKind.CONFLICT, "session_interrupted", "restart")));
        assertTrue(StreamClose.endsStream(new FaceGateException(ErrorKind.GONE, "session_expired", "expired")));
        assertTrue(StreamClose.endsStream(FaceGateException.notFound("session")));
    }

    @Test
    void closeReasonsFitTheProtocolLimit() {
        String reason = StreamClose.BAD_REQUEST.reason("é".repeat(200)).getReasonPhrase();
        assertTrue(reason.getBytes(StandardCharsets.UTF_8).length <= 123);
        assertEquals(4400, StreamClose.BAD_REQUEST.reason("x").getCloseCode().getCode());
    }
}
