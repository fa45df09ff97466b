package io.facegate.cameras;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnalysisPacerTest {

    private static final long MS = 1_000_000;

    @Test
    void aJittery10FpsCameraAnalysedAt5FpsGivesFiveFramesASecond() {
        AnalysisPacer pacer = new AnalysisPacer(5);
        Random jitter = new Random(3);
        int due = 0;
        for (int frame = 0; frame < 100; frame++) { // 10 s at 10 fps, each frame up to 15 ms early or late
            if (pacer.due(frame * 100 * MS + (jitter.nextInt(31) - 15) * MS)) {
                due++;
            }
        }
        assertEquals(50, due);
    }

    @Test
    void aSlowCameraHasEveryFrameAnalysed() {
        AnalysisPacer pacer = new AnalysisPacer(5);
        for (int frame = 0; frame < 10; frame++) {
            assertTrue(pacer.due(frame * 400 * MS), "2.5 fps is below 5 fps: frame " + frame);
        }
    }

    @Test
    void aPauseStartsTheScheduleAfresh() {
        AnalysisPacer pacer = new AnalysisPacer(5);
        assertTrue(pacer.due(0));
        assertTrue(pacer.due(10_000 * MS), "after a 10 s gap");
        assertTrue(!pacer.due(10_100 * MS) && pacer.due(10_200 * MS), "then every other 10 fps frame");
    }
}
