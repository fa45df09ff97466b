package io.facegate.reports;

import io.facegate.attendance.AttendanceViewer;
import io.facegate.domain.reports.Report;
import io.facegate.domain.reports.ReportStatus;
import io.facegate.maintenance.JobsRestartable;
import io.facegate.maintenance.MaintenanceJobs;
import io.facegate.system.FaceGateException;
import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * File reports through the {@code attendance-report} batch job: the report is recorded (and
 * committed, so that the job sees it) before its job starts; a request may then wait a little for
 * the file. A report whose job ended without storing its file is failed when next looked at; one
 * whose job a server stop cut off is restarted when the server starts again ({@link JobsRestartable}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReportJobs {

    public static final String JOB = "attendance-report";
    private static final Set<BatchStatus> UNSUCCESSFUL = Set.of(BatchStatus.FAILED, BatchStatus.STOPPED, BatchStatus.ABANDONED);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Logger LOG = Logger.getLogger(ReportJobs.class.getName());

    @Inject
    AttendanceReports reports;

    @Inject
    MaintenanceJobs jobs;

    @Inject
    ReportSettings settings;

    /** Records a PDF or Excel report and starts its job. */
    public Report request(AttendanceViewer viewer, ReportRequest request) {
        if (!request.format().isFile()) {
            throw FaceGateException.invalid("invalid_format", "format must be pdf or excel for a report file");
        }
        return start(reports.create(viewer, request).record());
    }

    /** Starts the job of a recorded (committed) file report. */
    public Report start(Report report) {
        Properties parameters = new Properties();
        parameters.setProperty("reportId", report.getId().toString());
        try {
            jobs.start(JOB, parameters);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The report job of " + report.getNumber() + " did not start", e);
            return reports.failed(report.getId(), "the report job did not start: " + e.getMessage());
        }
        return report;
    }

    /**
     * Restarts the jobs of the reports queued again after the last stop cut them off: the same job
     * instance, whose steps all run again and write the file anew. The batch runtime restarts only
     * an execution this deployment started (after a crash the application is loaded as it was
     * deployed); a report whose execution it refuses (the application was deployed again since, or
     * the execution is not its instance's latest) runs as a new job instance instead.
     */
    public void restartInterrupted(@Observes JobsRestartable restartable) {
        List<Report> interrupted;
        try {
            interrupted = reports.awaitingRestart();
        } catch (RuntimeException e) {
            // The other jobs' owners still restart theirs; these reports stay queued for the next start.
            LOG.log(Level.WARNING, "The report jobs the last stop cut off could not be listed", e);
            return;
        }
        for (Report report : interrupted) {
            try {
                long execution = jobs.restart(report.getExecutionId());
                LOG.info(() -> "Report " + report.getNumber() + ": job execution " + report.getExecutionId() + " restarted as " + execution);
            } catch (RuntimeException refused) {
                LOG.log(Level.INFO, "Report " + report.getNumber() + ": job execution " + report.getExecutionId()
                        + " cannot be restarted; the report runs as a new job", refused);
                start(report);
            }
        }
    }

    /** The report once it ended, or as it is after the configured wait. */
    public Report awaitEnd(AttendanceViewer viewer, UUID reportId) {
        long deadline = System.nanoTime() + settings.waitForFile().toNanos();
        Report report = status(viewer, reportId);
        while (!report.getStatus().isEnded() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return report;
            }
            report = status(viewer, reportId);
        }
        return report;
    }

    /**
     * The report now; a running one whose job ended without storing its file, or whose execution only
     * an earlier deployment could see (and no recovery restarted), is failed.
     */
    public Report status(AttendanceViewer viewer, UUID reportId) {
        Report report = reports.find(viewer, reportId);
        if (report.getStatus() != ReportStatus.RUNNING) {
            return report;
        }
        BatchStatus job;
        try {
            job = jobs.execution(report.getExecutionId()).getBatchStatus();
        } catch (FaceGateException e) {
            return reports.failed(reportId, "the report job was interrupted by a restart of the server: request the report again");
        }
        return UNSUCCESSFUL.contains(job) ? reports.failed(reportId, "the report job ended " + job) : report;
    }
}
