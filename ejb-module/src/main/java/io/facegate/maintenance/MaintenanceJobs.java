package io.facegate.maintenance;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import io.facegate.system.FaceGateException;
import java.util.Set;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;

import java.util.Properties;
import java.util.logging.Logger;

/** Starts the housekeeping batch jobs on their schedule (server time zone). */
@Singleton
public class MaintenanceJobs {

    public static final String PURGE_EXPIRED_TOKENS = "purge-expired-tokens";

    private static final Logger LOG = Logger.getLogger(MaintenanceJobs.class.getName());

    @Schedule(hour = "3", minute = "17", persistent = false, info = PURGE_EXPIRED_TOKENS)
    void nightly() {
        start(PURGE_EXPIRED_TOKENS, new Properties());
    }

    /** Starts a job now and returns its execution id. */
    public long start(String jobName, Properties parameters) {
        JobOperator operator = BatchRuntime.getJobOperator();
        long executionId = operator.start(jobName, parameters);
        LOG.info(() -> "Started batch job " + jobName + " (execution " + executionId + ")");
        return executionId;
    }

    /** Jobs an operator may start by hand. */
    public static final Set<String> JOBS = Set.of(PURGE_EXPIRED_TOKENS);

    public long startByName(String jobName) {
        if (!JOBS.contains(jobName)) {
            throw FaceGateException.notFound("job");
        }
        return start(jobName, new Properties());
    }

    public JobExecution execution(long executionId) {
        try {
            return BatchRuntime.getJobOperator().getJobExecution(executionId);
        } catch (NoSuchJobExecutionException e) {
            throw FaceGateException.notFound("job execution");
        }
    }
}
