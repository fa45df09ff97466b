package io.facegate.maintenance;

import jakarta.batch.runtime.BatchStatus;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * A batch job execution that the job repository says is running but that no process runs any more:
 * the server that ran it went down without ending it (a crash, a kill), so the batch runtime left it
 * STARTING, STARTED or STOPPING for ever, and {@code JobOperator.restart} refuses it until it is
 * marked failed.
 *
 * @param executionId the execution's id in the job repository
 * @param jobName     the job it ran
 * @param createdAt   when it was created
 */
public record InterruptedExecution(long executionId, String jobName, Instant createdAt) {

    /** What the repository says of an execution nobody runs. */
    static final Set<BatchStatus> LEFT_RUNNING = EnumSet.of(BatchStatus.STARTING, BatchStatus.STARTED, BatchStatus.STOPPING);

    /**
     * Whether an execution was cut off by the last stop: left running by a process older than this
     * one. An execution created since {@code serverStart} may be this server's own, still running.
     * One server per database, as face task and profile sync recovery assume.
     */
    static boolean cutOff(BatchStatus status, Instant createdAt, Instant serverStart) {
        return LEFT_RUNNING.contains(status) && createdAt != null && createdAt.isBefore(serverStart);
    }
}
