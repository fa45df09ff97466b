package io.facegate.reports;

import io.facegate.system.Timeouts;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the scheduled reports that are due, every minute: each is claimed and recorded in its own
 * transaction (so that two servers never run one twice), then its batch job is started.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReportTimer {

    /** Schedules run per tick; the rest wait for the next minute. */
    static final int PER_TICK = 50;
    private static final Logger LOG = Logger.getLogger(ReportTimer.class.getName());

    @Inject
    ReportSchedules schedules;

    @Inject
    ReportJobs jobs;

    @Schedule(hour = "*", minute = "*", persistent = false, info = "scheduled reports")
    void runDue() {
        Timeouts.survive(LOG, "scheduled reports", () -> {
            Instant now = Instant.now();
            for (UUID id : schedules.due(now, PER_TICK)) {
                try {
                    schedules.claim(id, now).ifPresent(jobs::start);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Scheduled report " + id + " did not run; it is tried again next minute", e);
                }
            }
        });
    }
}
