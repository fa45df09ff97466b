package io.facegate.maintenance;

import java.util.List;

/**
 * The executions a stop of the server cut off, announced as the application stops in order or, after
 * a crash, at the next start as they are marked failed in the job repository: fired inside that
 * transaction, so that what a use case records about them (to run them again at the next start,
 * {@link JobsRestartable}) commits with it or not at all. An execution may be announced twice (at
 * the stop, and at the start if the stop left it running): recording it must be idempotent.
 */
public record JobsInterrupted(List<InterruptedExecution> executions) {

    public JobsInterrupted {
        executions = List.copyOf(executions);
    }

    /** The ids of the interrupted executions of one job. */
    public List<Long> of(String jobName) {
        return executions.stream().filter(e -> e.jobName().equals(jobName)).map(InterruptedExecution::executionId).toList();
    }
}
