package io.facegate.web.sessions;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static io.facegate.web.sessions.FrameRateLimit.Verdict.ACCEPT;
import static io.facegate.web.sessions.FrameRateLimit.Verdict.CLOSE;
import static io.facegate.web.sessions.FrameRateLimit.Verdict.REFUSE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameRateLimitTest {

    private static final long MS = 1_000_000L;

    @Test
    void aCameraAtTenFramesPerSecondWithJitterIsNeverRefused() {
        Random random = new Random(7);
        FrameRateLimit limit = new FrameRateLimit(10, 50, 20, 0);
        long t = 0;
        for (int frame = 0; frame < 600; frame++) {
            // A browser timer at 100 ms, each tick up to 40 ms late or early, a minute long.
            long tick = frame * 100 * MS + (long) ((random.nextDouble() - 0.5) * 80 * MS);
            t = Math.max(t, tick);
            assertEquals(ACCEPT, limit.admit(t), "frame " + frame);
        }
    }

    @Test
    void fifteenFramesPerSecondAreThrottledToTenNotCutOff() {
        FrameRateLimit limit = new FrameRateLimit(10, 50, 20, 0);
        int accepted = 0;
        for (int frame = 0; frame < 300; frame++) {
            FrameRateLimit.Verdict verdict = limit.admit(frame * 1000 * MS / 15);
            assertTrue(verdict != CLOSE, "frame " + frame);
            accepted += verdict == ACCEPT ? 1 : 0;
        }
        // 20 s at 10/s, plus the initial burst of 50.
        assertTrue(accepted >= 200 && accepted <= 251, "accepted " + accepted);
    }

    @Test
    void aFloodIsRefusedAfterTheBurstAndClosedAfterTwentyRefusalsInARow() {
        FrameRateLimit limit = new FrameRateLimit(10, 50, 20, 0);
        for (int i = 0; i < 50; i++) {
            assertEquals(ACCEPT, limit.admit(i * MS / 10), "burst frame " + i);
        }
        for (int i = 0; i < 19; i++) {
            assertEquals(REFUSE, limit.admit((50 + i) * MS / 10));
        }
        assertEquals(CLOSE, limit.admit(69 * MS / 10));
    }

    @Test
    void framesThatPiledUpWhileTheServerWasNotReadingForFiveSecondsAreAllTaken() {
        FrameRateLimit limit = new FrameRateLimit(10, 50, 20, 0);
        for (int i = 0; i < 50; i++) {
            assertEquals(ACCEPT, limit.admit(i * 100 * MS), "frame " + i + " sent on time");
        }
        for (int i = 0; i < 50; i++) {
            assertEquals(ACCEPT, limit.admit(10_000 * MS), "frame " + i + " read late, all at once");
        }
    }

    @Test
    void anAcceptedFrameResetsTheRefusalCount() {
        FrameRateLimit limit = new FrameRateLimit(10, 10, 3, 0);
        for (int i = 0; i < 10; i++) {
            limit.admit(0);
        }
        assertEquals(REFUSE, limit.admit(0));
        assertEquals(REFUSE, limit.admit(0));
        assertEquals(ACCEPT, limit.admit(100 * MS), "100 ms later one token is back");
        assertEquals(REFUSE, limit.admit(100 * MS));
        assertEquals(REFUSE, limit.admit(100 * MS));
        assertEquals(CLOSE, limit.admit(100 * MS));
    }
}
