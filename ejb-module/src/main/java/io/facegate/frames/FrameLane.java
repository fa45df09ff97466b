package io.facegate.frames;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * One frame source's work on the shared executor (a WebSocket connection, a camera), one task at a
 * time and never more than one waiting: a task offered while another runs replaces the waiting one
 * (latest wins). A camera that sends faster than the server decides gets its newest frame looked at
 * next, and a burst from one source queues at most one task, so it cannot hold up the others:
 * every lane re-joins the executor's queue at its end after each task, so sources take turns.
 */
public final class FrameLane {

    private final Executor executor;
    private final FrameCounters counters;
    private Runnable waiting;
    private boolean running;
    private boolean closed;

    FrameLane(Executor executor, FrameCounters counters) {
        this.executor = executor;
        this.counters = counters;
    }

    /** Runs {@code task} when the lane's turn comes; a task still waiting from before is dropped as stale. */
    public synchronized void offer(Runnable task) {
        if (closed) {
            return;
        }
        if (running) {
            if (waiting != null) {
                counters.droppedStale();
            } else {
                counters.waiting(+1);
            }
            waiting = task;
        } else {
            start(task);
        }
    }

    /** Runs the task only when nothing runs or waits (for housekeeping that must not displace a frame). */
    public synchronized boolean offerIfIdle(Runnable task) {
        if (closed || running) {
            return false;
        }
        start(task);
        return true;
    }

    /** Drops the waiting task and refuses new ones; a running task finishes. */
    public synchronized void close() {
        closed = true;
        dropWaiting();
    }

    private void dropWaiting() {
        if (waiting != null) {
            waiting = null;
            counters.waiting(-1);
            counters.droppedStale();
        }
    }

    private void start(Runnable task) {
        running = true;
        counters.queued(+1);
        try {
            executor.execute(() -> runThenNext(task));
        } catch (RejectedExecutionException e) {
            // The executor is shutting down with the application: nothing more will run.
            counters.queued(-1);
            running = false;
            closed = true;
            dropWaiting();
        }
    }

    private void runThenNext(Runnable task) {
        counters.queued(-1);
        counters.running(+1);
        try {
            task.run();
        } finally {
            counters.running(-1);
            counters.analysed();
            finished();
        }
    }

    private synchronized void finished() {
        Runnable next = waiting;
        running = false;
        if (next != null) {
            waiting = null;
            counters.waiting(-1);
            if (!closed) {
                // Re-submitted rather than run in this thread, so other sources' tasks queued meanwhile go first.
                start(next);
            }
        }
    }
}
