package io.facegate.facetasks;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;

import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Logger;

/**
 * Runs face tasks on their own managed executor, {@value #MAX_CONCURRENT_TASKS} at a time, so a
 * burst of enrollments queues here (in memory and in the database) instead of crowding out the
 * frames of live sessions and cameras.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@ManagedExecutorDefinition(name = FaceTaskWorker.EXECUTOR, maxAsync = FaceTaskWorker.MAX_CONCURRENT_TASKS)
public class FaceTaskWorker {

    static final String EXECUTOR = "java:app/concurrent/facegate-face-tasks";
    static final int MAX_CONCURRENT_TASKS = 2;
    private static final Logger LOG = Logger.getLogger(FaceTaskWorker.class.getName());

    @Resource(lookup = EXECUTOR)
    ManagedExecutorService executor;

    @Inject
    FaceTaskRunner runner;

    /** Runs the task when a thread is free; a task the executor refuses (shutting down) stays queued for the next start. */
    public void submit(UUID taskId) {
        try {
            executor.execute(() -> runner.run(taskId));
        } catch (RejectedExecutionException e) {
            LOG.warning(() -> "face task " + taskId + " stays queued: the executor is shutting down");
        }
    }
}
