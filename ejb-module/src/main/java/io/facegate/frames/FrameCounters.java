package io.facegate.frames;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the frame worker is doing, for readiness and metrics: tasks queued for a thread, running,
 * waiting behind a running task of their lane, analysed since start, and dropped as stale (replaced
 * by a newer frame of the same source, or left waiting when the source closed).
 */
public final class FrameCounters {

    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong running = new AtomicLong();
    private final AtomicLong waiting = new AtomicLong();
    private final AtomicLong analysed = new AtomicLong();
    private final AtomicLong droppedStale = new AtomicLong();

    /** A snapshot of the counters. */
    public record Snapshot(long queued, long running, long waiting, long analysed, long droppedStale) {
    }

    void queued(int delta) {
        queued.addAndGet(delta);
    }

    void running(int delta) {
        running.addAndGet(delta);
    }

    void waiting(int delta) {
        waiting.addAndGet(delta);
    }

    void analysed() {
        analysed.incrementAndGet();
    }

    void droppedStale() {
        droppedStale.incrementAndGet();
    }

    public Snapshot snapshot() {
        return new Snapshot(queued.get(), running.get(), waiting.get(), analysed.get(), droppedStale.get());
    }
}
