package io.facegate.detections;

import io.facegate.system.Timeouts;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Deletes detection pictures older than the retention period every night, in batches (each its own
 * transaction); the events themselves are kept. {@code facegate.detections.snapshot-retention-days}
 * 0 keeps pictures forever.
 */
@Singleton
public class DetectionRetention {

    private static final Logger LOG = Logger.getLogger(DetectionRetention.class.getName());
    private static final int BATCH = 500;

    @Inject
    Detections detections;

    @Inject
    @ConfigProperty(name = "facegate.detections.snapshot-retention-days", defaultValue = "30")
    int retentionDays;

    @Schedule(hour = "3", minute = "41", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void nightly() {
        Timeouts.survive(LOG, "purge-detection-snapshots", () -> purge(Instant.now()));
    }

    /** Deletes the pictures detected more than the retention period before {@code now}; returns how many events lost theirs. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int purge(Instant now) {
        if (retentionDays <= 0) {
            return 0;
        }
        Instant cutoff = now.minus(Duration.ofDays(retentionDays));
        int total = 0;
        for (int purged = detections.purgeSnapshots(cutoff, BATCH); purged > 0; purged = detections.purgeSnapshots(cutoff, BATCH)) {
            total += purged;
        }
        int count = total;
        if (count > 0) {
            LOG.info(() -> "Deleted the pictures of " + count + " detections older than " + retentionDays + " days");
        }
        return total;
    }
}
