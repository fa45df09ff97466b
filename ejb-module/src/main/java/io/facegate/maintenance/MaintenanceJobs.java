package io.facegate.maintenance;

import io.facegate.audit.AuditSettings;
import io.facegate.system.ErrorKind;
import io.facegate.system.FaceGateException;
import io.facegate.system.Timeouts;
import io.facegate.usage.UsageSettings;
import io.facegate.webhooks.WebhookSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobSecurityException;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the housekeeping batch jobs on their schedule (server time zone) or on an operator's request,
 * and the other jobs for their use cases (profile syncs): one starter, so that the operator's jobs
 * API sees every execution (the batch runtime shows an execution only to the component that started it).
 *
 * <p>The batch runtime keeps its job repository in the application's PostgreSQL database (see
 * {@code configure-datasource.asadmin}) and creates its tables there on first use. That first use
 * happens here, at deployment, outside any transaction: inside a caller's transaction the
 * {@code CREATE TABLE}s would run on the enlisted connection, uncommitted, while the job itself
 * (started outside that transaction) could not see them. It waits for {@link
 * io.facegate.system.SchemaMigration}, since Flyway refuses a fresh schema that already holds tables.
 * Once the repository is open, the executions the last stop cut off are marked failed ({@link
 * InterruptedJobs}), before anything looks at them.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MaintenanceJobs {

    public static final String PURGE_EXPIRED_TOKENS = "purge-expired-tokens";
    public static final String PURGE_API_USAGE = "purge-api-usage";
    public static final String PURGE_WEBHOOK_DELIVERIES = "purge-webhook-deliveries";
    public static final String PURGE_AUDIT_LOGS = "purge-audit-logs";

    /** Jobs an operator may start by hand. */
    public static final Set<String> JOBS = Set.of(PURGE_EXPIRED_TOKENS, PURGE_API_USAGE, PURGE_WEBHOOK_DELIVERIES, PURGE_AUDIT_LOGS);

    private static final Logger LOG = Logger.getLogger(MaintenanceJobs.class.getName());

    @Inject
    UsageSettings usageSettings;

    @Inject
    WebhookSettings webhookSettings;

    @Inject
    AuditSettings auditSettings;

    @Inject
    InterruptedJobs interruptedJobs;

    private JobOperator operator;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void openJobRepository() {
        operator = BatchRuntime.getJobOperator();
        try {
            interruptedJobs.failInterrupted(Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()));
        } catch (RuntimeException e) {
            // The application still starts; the cut-off executions stay as the runtime left them until the next start.
            LOG.log(Level.WARNING, "The batch job executions cut off by the last stop could not be marked failed", e);
        }
    }

    /**
     * The application is being stopped in order: the jobs it still runs are announced cut off while
     * their owners can record it (the stateless beans that record it answered here in every run of
     * RestartIT and ReportJobCrashIT; the job threads meet an undeployed container only later), so
     * that they run again at the next start, as after a crash. Left undone, the runtime would fail
     * some of them as the application goes and leave others running, at random.
     */
    @PreDestroy
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void announceCutOffJobs() {
        try {
            interruptedJobs.announceCutOffByThisStop(Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The batch jobs this stop cuts off could not be recorded; those it leaves running resume at the next start", e);
        }
    }

    @Schedule(hour = "3", minute = "17", persistent = false, info = PURGE_EXPIRED_TOKENS)
    void nightly() {
        startOnSchedule(PURGE_EXPIRED_TOKENS);
    }

    @Schedule(hour = "3", minute = "37", persistent = false, info = PURGE_API_USAGE)
    void nightlyUsagePurge() {
        startOnSchedule(PURGE_API_USAGE);
    }

    @Schedule(hour = "3", minute = "57", persistent = false, info = PURGE_WEBHOOK_DELIVERIES)
    void nightlyWebhookDeliveryPurge() {
        startOnSchedule(PURGE_WEBHOOK_DELIVERIES);
    }

    @Schedule(hour = "4", minute = "17", persistent = false, info = PURGE_AUDIT_LOGS)
    void nightlyAuditLogPurge() {
        startOnSchedule(PURGE_AUDIT_LOGS);
    }

    private void startOnSchedule(String jobName) {
        Timeouts.survive(LOG, jobName, () -> start(jobName, new Properties()));
    }

    /** The settings a job reads, as job parameters: batch artifacts live in a library that cannot see this module's settings. */
    private Properties withSettings(String jobName, Properties parameters) {
        Properties all = new Properties();
        if (PURGE_API_USAGE.equals(jobName)) {
            all.setProperty("retentionDays", String.valueOf(usageSettings.retentionDays()));
        } else if (PURGE_WEBHOOK_DELIVERIES.equals(jobName)) {
            all.setProperty("retentionDays", String.valueOf(webhookSettings.retentionDays()));
        } else if (PURGE_AUDIT_LOGS.equals(jobName)) {
            all.setProperty("retentionDays", String.valueOf(auditSettings.retentionDays()));
        }
        all.putAll(parameters);
        return all;
    }

    /** Starts a job now and returns its execution id. */
    public long start(String jobName, Properties parameters) {
        long executionId = operator.start(jobName, withSettings(jobName, parameters));
        LOG.info(() -> "Started batch job " + jobName + " (execution " + executionId + ")");
        return executionId;
    }

    /**
     * Runs a maintenance task's jobs now.
     *
     * @param value the task's parameter, or null for the configured retention
     * @return the started executions' ids
     */
    public List<Long> run(MaintenanceTask task, Integer value) {
        Properties parameters = new Properties();
        if (value != null) {
            if (value < task.min() || value > task.max()) {
                throw FaceGateException.invalid("invalid_" + task.parameter(), task.parameter() + " must be between " + task.min() + " and "
                        + task.max());
            }
            parameters.setProperty(task.jobParameter(), value.toString());
        }
        return task.jobs().stream().map(job -> start(job, parameters)).toList();
    }

    /**
     * Restarts the job instance of an execution that failed or stopped, with the parameters it ran
     * with, and returns the new execution's id. Only an execution this deployment started can be
     * restarted: the batch runtime refuses an earlier deployment's ({@link JobSecurityException}).
     */
    public long restart(long executionId) {
        long restarted = operator.restart(executionId, operator.getParameters(executionId));
        LOG.info(() -> "Restarted batch job execution " + executionId + " as execution " + restarted);
        return restarted;
    }

    public long startByName(String jobName) {
        if (!JOBS.contains(jobName)) {
            throw FaceGateException.notFound("job");
        }
        return start(jobName, new Properties());
    }

    /**
     * The latest executions of the jobs this deployment started, newest first. The batch runtime lists
     * each job's instances newest first, so the latest {@code limit} of each job are enough.
     */
    public List<JobExecution> recent(int limit) {
        List<JobExecution> executions = new ArrayList<>();
        for (String job : operator.getJobNames()) {
            try {
                for (JobInstance instance : operator.getJobInstances(job, 0, limit)) {
                    executions.addAll(operator.getJobExecutions(instance));
                }
            } catch (NoSuchJobException | JobSecurityException e) {
                // A job only an earlier deployment (or another application) ran: not this one's to show.
            }
        }
        executions.sort(Comparator.comparingLong(JobExecution::getExecutionId).reversed());
        return List.copyOf(executions.subList(0, Math.min(limit, executions.size())));
    }

    /**
     * One execution of a job this deployment started. The batch runtime tags each execution with the
     * starting component of that deployment, so the executions of an earlier deployment stay in the
     * repository (for {@code asadmin list-batch-job-executions}) but are not this one's to show.
     */
    public JobExecution execution(long executionId) {
        try {
            return operator.getJobExecution(executionId);
        } catch (NoSuchJobExecutionException e) {
            throw FaceGateException.notFound("job execution");
        } catch (JobSecurityException e) {
            throw new FaceGateException(ErrorKind.NOT_FOUND, "not_found",
                    "job execution " + executionId + " was started by an earlier deployment; only its repository record remains");
        }
    }
}
