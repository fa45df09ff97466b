package io.facegate.maintenance;

import java.util.List;

/**
 * The executions that the last stop cut off, now marked failed in the job repository: fired inside
 * that transaction, so that what a use case records about them commits with the marks or not at all.
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
