package io.facegate.reports;

import io.facegate.system.Timeouts;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.List;
import java.util.logging.Logger;

/**
 * At start: the report jobs the last stop cut off run again, so that their reports end completed
 * without anyone asking again. {@link io.facegate.maintenance.MaintenanceJobs} (on which this
 * depends) has by then marked their executions failed and queued their reports again; the jobs are
 * restarted shortly after, once the deployment has finished (the batch runtime needs the
 * application up).
 */
@Singleton
@Startup
@DependsOn("MaintenanceJobs")
public class ReportRecovery {

    private static final long DELAY_MILLIS = 5_000;
    private static final Logger LOG = Logger.getLogger(ReportRecovery.class.getName());

    @Resource
    TimerService timers;

    @Inject
    ReportJobs jobs;

    @PostConstruct
    void scheduleRestarts() {
        timers.createSingleActionTimer(DELAY_MILLIS, new TimerConfig("restart-interrupted-reports", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void restartInterrupted() {
        // On a failure the reports stay queued, with the execution to restart, for the next start.
        Timeouts.survive(LOG, "restart-interrupted-reports", () -> {
            List<String> restarted = jobs.restartInterrupted();
            if (!restarted.isEmpty()) {
                LOG.info(() -> "Restarted the report jobs the last stop cut off: " + restarted);
            }
        });
    }
}
