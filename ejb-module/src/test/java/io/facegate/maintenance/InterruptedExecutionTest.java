package io.facegate.maintenance;

import jakarta.batch.runtime.BatchStatus;
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
    void anExecutionLeftRunningByAnEarlierProcessWasCutOff() {
        for (BatchStatus running : List.of(BatchStatus.STARTING, BatchStatus.STARTED, BatchStatus.STOPPING)) {
            assertTrue(InterruptedExecution.cutOff(running, BEFORE, SERVER_START), running.name());
        }
    }

    @Test
    void anExecutionThisServerCreatedMayStillRun() {
        assertFalse(InterruptedExecution.cutOff(BatchStatus.STARTED, SINCE, SERVER_START));
        assertFalse(InterruptedExecution.cutOff(BatchStatus.STARTING, SERVER_START, SERVER_START), "created as the process started");
    }

    @Test
    void anEndedExecutionWasNotCutOff() {
        for (BatchStatus ended : List.of(BatchStatus.COMPLETED, BatchStatus.FAILED, BatchStatus.STOPPED, BatchStatus.ABANDONED)) {
            assertFalse(InterruptedExecution.cutOff(ended, BEFORE, SERVER_START), ended.name());
        }
    }

    @Test
    void anExecutionWithoutACreationTimeIsLeftAlone() {
        assertFalse(InterruptedExecution.cutOff(BatchStatus.STARTED, null, SERVER_START));
    }

    @Test
    void eachUseCaseFindsTheExecutionsOfItsJob() {
        JobsInterrupted interrupted = new JobsInterrupted(List.of(new InterruptedExecution(7, "attendance-report", BEFORE),
                new InterruptedExecution(8, "sync-facial-profiles", BEFORE), new InterruptedExecution(9, "attendance-report", BEFORE)));
        assertEquals(List.of(7L, 9L), interrupted.of("attendance-report"));
        assertEquals(List.of(), interrupted.of("purge-audit-logs"));
    }
}
