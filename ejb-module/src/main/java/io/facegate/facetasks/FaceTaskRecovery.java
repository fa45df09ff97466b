package io.facegate.facetasks;

import io.facegate.system.Timeouts;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * At start: fails the tasks a stop interrupted and runs the queued ones, so none is lost
 * silently. Every hour: deletes the finished tasks past their retention.
 */
@Singleton
@Startup
// After the face engine, so that resumed tasks find it loaded.
@DependsOn({"SchemaMigration", "FaceEngine"})
public class FaceTaskRecovery {

    private static final Logger LOG = Logger.getLogger(FaceTaskRecovery.class.getName());

    @Inject
    FaceTasks tasks;

    @Inject
    FaceTaskWorker worker;

    @PostConstruct
    void resume() {
        List<UUID> queued = tasks.recover();
        queued.forEach(worker::submit);
        if (!queued.isEmpty()) {
            LOG.info(() -> "Resumed " + queued.size() + " queued face tasks");
        }
    }

    @Schedule(hour = "*", minute = "41", persistent = false, info = "purge-expired-face-tasks")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void purgeExpired() {
        Timeouts.survive(LOG, "purge-expired-face-tasks", () -> {
            int purged = tasks.purgeExpired();
            if (purged > 0) {
                LOG.fine(() -> "Deleted " + purged + " expired face tasks");
            }
        });
    }
}
