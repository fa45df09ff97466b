package io.facegate.domain.profiles;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A sync cut off by a stop of the server awaits its resumption, a bounded number of times. */
class ProfileSyncTest {

    private static final Instant STARTED = Instant.parse("2026-11-30T08:00:00Z");
    private static final Instant STOPPED = STARTED.plusSeconds(40);
    private static final int LIMIT = 3;

    private final ProfileSync sync = new ProfileSync(UUID.randomUUID(), 11, UUID.randomUUID(), 300, STARTED);

    @Test
    void aSyncCutOffByAStopAwaitsItsResumptionUntilResumed() {
        assertFalse(sync.awaitsResumption());
        assertTrue(sync.cutOffByAStop(STOPPED, LIMIT));
        assertTrue(sync.awaitsResumption(), "still going, not failed");
        sync.resumed(12);
        assertFalse(sync.awaitsResumption());
        assertEquals(12, sync.getExecutionId());
        assertEquals(1, sync.getResumptions());
    }

    @Test
    void aSyncResumedAsOftenAsTheLimitStaysFailedWhenCutOffAgain() {
        for (int run = 0; run < LIMIT; run++) {
            assertTrue(sync.cutOffByAStop(STOPPED.plusSeconds(run), LIMIT), "cut off " + (run + 1) + " time(s)");
            sync.resumed(20 + run);
        }
        assertFalse(sync.cutOffByAStop(STOPPED.plusSeconds(LIMIT), LIMIT), "a sync that keeps being cut off is not run at every start");
        assertFalse(sync.awaitsResumption(), "failed, for its client to resume");
    }
}
