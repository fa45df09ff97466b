package io.facegate.maintenance;

import java.time.Instant;

/**
 * A batch job execution that the job repository says is running (STARTING, STARTED or STOPPING) when
 * a stop cuts it off: either this process is stopping under it, or an earlier process went down
 * without ending it (a crash, a kill), so that the batch runtime left it running for ever and
 * {@code JobOperator.restart} refuses it until it is marked failed.
 *
 * @param executionId the execution's id in the job repository
 * @param jobName     the job it ran
 * @param createdAt   when it was created
 */
public record InterruptedExecution(long executionId, String jobName, Instant createdAt) {

    /**
     * Whether a process older than the one started at {@code serverStart} created it: nobody runs it
     * any more. One server per database, as face task and profile sync recovery assume.
     */
    boolean createdBefore(Instant serverStart) {
        return createdAt != null && createdAt.isBefore(serverStart);
    }

    /** Whether the process started at {@code serverStart} created it, and may be running it. */
    boolean createdSince(Instant serverStart) {
        return createdAt != null && !createdAt.isBefore(serverStart);
    }
}
