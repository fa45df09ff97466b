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
        FrameRateLimit limit = new FrameRateLimit(10, 10, 0);
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
        FrameRateLimit limit = new FrameRateLimit(10, 10, 0);
        int accepted = 0;
        for (int frame = 0; frame < 300; frame++) {
            FrameRateLimit.Verdict verdict = limit.admit(frame * 1000 * MS / 15);
            assertTrue(verdict != CLOSE, "frame " + frame);
            accepted += verdict == ACCEPT ? 1 : 0;
        }
        // 20 s at 10/s, plus the initial burst of 10.
        assertTrue(accepted >= 200 && accepted <= 211, "accepted " + accepted);
    }

    @Test
    void aFloodIsRefusedAfterTheBurstAndClosedAfterTenRefusalsInARow() {
        FrameRateLimit limit = new FrameRateLimit(10, 10, 0);
        for (int i = 0; i < 10; i++) {
            assertEquals(ACCEPT, limit.admit(i * MS), "burst frame " + i);
        }
        for (int i = 0; i < 9; i++) {
            assertEquals(REFUSE, limit.admit((10 + i) * MS));
        }
        assertEquals(CLOSE, limit.admit(19 * MS));
    }

    @Test
    void anAcceptedFrameResetsTheRefusalCount() {
        FrameRateLimit limit = new FrameRateLimit(10, 3, 0);
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
