package io.facegate.maintenance;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InterruptedExecutionTest {

    private static final Instant SERVER_START = Instant.parse("2026-11-30T03:00:00Z");
    private static final Instant BEFORE = SERVER_START.minusSeconds(30);
    private static final Instant SINCE = SERVER_START.plusSeconds(2);

    @Test
    void anExecutionAnEarlierProcessCreatedIsNobodysAnyMore() {
        InterruptedExecution earlier = new InterruptedExecution(7, "attendance-report", BEFORE);
        assertTrue(earlier.createdBefore(SERVER_START));
        assertFalse(earlier.createdSince(SERVER_START));
    }

    @Test
    void anExecutionThisProcessCreatedMayStillRun() {
        assertTrue(new InterruptedExecution(7, "attendance-report", SINCE).createdSince(SERVER_START));
        InterruptedExecution atTheStart = new InterruptedExecution(8, "attendance-report", SERVER_START);
        assertFalse(atTheStart.createdBefore(SERVER_START), "created as the process started");
        assertTrue(atTheStart.createdSince(SERVER_START));
    }

    @Test
    void anExecutionWithoutACreationTimeIsLeftAlone() {
        InterruptedExecution unknown = new InterruptedExecution(9, "attendance-report", null);
        assertFalse(unknown.createdBefore(SERVER_START));
        assertFalse(unknown.createdSince(SERVER_START));
    }

    @Test
    void eachUseCaseFindsTheExecutionsOfItsJob() {
        JobsInterrupted interrupted = new JobsInterrupted(List.of(new InterruptedExecution(7, "attendance-report", BEFORE),
                new InterruptedExecution(8, "sync-facial-profiles", BEFORE), new InterruptedExecution(9, "attendance-report", BEFORE)));
        assertEquals(List.of(7L, 9L), interrupted.of("attendance-report"));
        assertEquals(List.of(), interrupted.of("purge-audit-logs"));
    }
}
