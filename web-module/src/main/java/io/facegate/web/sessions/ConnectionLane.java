package io.facegate.web.sessions;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * One connection's work on a shared executor, one task at a time and never more than one waiting:
 * a task offered while another runs replaces the waiting one (latest wins). A camera that sends
 * faster than the server decides gets its newest frame looked at next, and a burst on one
 * connection queues at most one task, so it cannot hold up the others.
 */
final class ConnectionLane {

    private final Executor executor;
    private Runnable waiting;
    private boolean running;
    private boolean closed;

    /**
     * @param held whether the lane starts held: offered tasks wait (the newest kept) until {@link #release}
     */
    ConnectionLane(Executor executor, boolean held) {
        this.executor = executor;
        this.running = held;
    }

    /**
     * Ends the hold after {@code announcement} (telling the client it may send), both under the
     * lane's lock: a task offered once the client could have seen the announcement is not held,
     * so it runs at once. The task that waited meanwhile, if any, runs first.
     */
    synchronized void releaseAfter(Runnable announcement) {
        announcement.run();
        finished();
    }

    synchronized void offer(Runnable task) {
        if (closed) {
            return;
        }
        if (running) {
            waiting = task;
        } else {
            start(task);
        }
    }

    /** Runs the task only when nothing runs or waits (for housekeeping that must not displace a frame). */
    synchronized boolean offerIfIdle(Runnable task) {
        if (closed || running) {
            return false;
        }
        start(task);
        return true;
    }

    /** Drops the waiting task and refuses new ones; a running task finishes. */
    synchronized void close() {
        closed = true;
        waiting = null;
    }

    private void start(Runnable task) {
        running = true;
        try {
            executor.execute(() -> runThenNext(task));
        } catch (RejectedExecutionException e) {
            // The executor is shutting down with the application: nothing more will run.
            running = false;
            closed = true;
        }
    }

    private void runThenNext(Runnable task) {
        try {
            task.run();
        } finally {
            finished();
        }
    }

    private synchronized void finished() {
        Runnable next = waiting;
        waiting = null;
        running = false;
        if (next != null && !closed) {
            // Re-submitted rather than run in this thread, so other connections' tasks queued meanwhile go first.
            start(next);
        }
    }
}
