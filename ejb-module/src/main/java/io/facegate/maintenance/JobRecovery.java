package io.facegate.maintenance;

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
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/**
 * At start: the jobs the last stop cut off run again, without anyone asking. {@link MaintenanceJobs}
 * (on which this depends) has by then marked their executions failed and their owners have recorded
 * it ({@link JobsInterrupted}); a few seconds later, once the deployment has finished (the batch
 * runtime needs the application up), {@link JobsRestartable} tells the owners to restart them.
 */
@Singleton
@Startup
@DependsOn("MaintenanceJobs")
public class JobRecovery {

    private static final long DELAY_MILLIS = 5_000;
    private static final Logger LOG = Logger.getLogger(JobRecovery.class.getName());

    @Resource
    TimerService timers;

    @Inject
    Event<JobsRestartable> restartable;

    @PostConstruct
    void scheduleRestarts() {
        timers.createSingleActionTimer(DELAY_MILLIS, new TimerConfig("restart-interrupted-jobs", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void restartInterrupted() {
        // What an owner could not restart stays recorded as interrupted, for the next start.
        Timeouts.survive(LOG, "restart-interrupted-jobs", () -> restartable.fire(new JobsRestartable()));
    }
}
