package io.facegate.sessions;

import io.facegate.domain.sessions.FaceSession;
import io.facegate.domain.sessions.SessionChannel;
import io.facegate.domain.sessions.SessionPurpose;
import io.facegate.domain.sessions.SessionRequirements;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The token-to-session lookup that spares a streaming session's frames a database read by token. */
class ActiveSessionsTest {

    private static final Duration IDLE = Duration.ofSeconds(300);

    private final ActiveSessions active = new ActiveSessions();

    ActiveSessionsTest() {
        active.settings = new SessionSettings();
        active.settings.maxActive = 10;
    }

    @Test
    void aSessionIsKnownByItsTokenFromItsFirstRecordedFrameUntilItEnds() {
        FaceSession session = session();
        assertTrue(active.lastKnown("hash").isEmpty(), "unknown before any frame");

        SessionProgress progress = active.acquire(session, "hash");
        assertTrue(active.lastKnown("hash").isEmpty(), "unknown while its first frame is being analysed");
        FaceSession afterFirst = frame(session, true);
        active.release(session.getId(), progress, afterFirst);
        assertSame(afterFirst, active.lastKnown("hash").orElseThrow());
        assertSame(afterFirst, progress.session());

        SessionProgress again = active.acquire(afterFirst, "hash");
        assertSame(progress, again, "the same progress for the session's next frame");
        active.release(session.getId(), again, null);
        assertSame(afterFirst, active.lastKnown("hash").orElseThrow(), "a frame that changed nothing keeps the last state");

        SessionProgress last = active.acquire(afterFirst, "hash");
        FaceSession completed = frame(afterFirst, true);
        completed.complete(null, 0.9, "done", Instant.now());
        active.release(session.getId(), last, completed);
        assertTrue(active.lastKnown("hash").isEmpty(), "forgotten once ended");
        assertSame(completed, last.session(), "a frame waiting for the lock sees the session ended");
        assertEquals(0, active.size());
    }

    @Test
    void forgettingASessionForgetsItsToken() {
        FaceSession session = session();
        active.release(session.getId(), active.acquire(session, "expired"), frame(session, false));
        active.forget(session.getId());
        assertTrue(active.lastKnown("expired").isEmpty());

        FaceSession idle = session();
        active.release(idle.getId(), active.acquire(idle, "idle"), frame(idle, false));
        active.forgetIdleSince(Instant.now().plusSeconds(1));
        assertTrue(active.lastKnown("idle").isEmpty());
        assertEquals(0, active.size());
    }

    private static FaceSession session() {
        return new FaceSession(UUID.randomUUID(), "hash", SessionPurpose.IDENTIFICATION, SessionChannel.API, null,
                new SessionRequirements(false, 1, 2, 100, 0), null, Instant.now(), IDLE);
    }

    /** The session as a frame leaves it (the entity FaceSessions.record returns). */
    private static FaceSession frame(FaceSession session, boolean accepted) {
        session.recordFrame(accepted, Instant.now(), IDLE);
        return session;
    }
}
