package io.facegate.frames;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.concurrent.ManagedThreadFactoryDefinition;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one place frames are analysed, whatever their source (session streams, cameras): a pool of
 * managed threads with a global limit on concurrent analyses, and a {@link FrameLane} per source that
 * keeps at most its newest frame waiting. Sources take turns in arrival order, one frame each, so a
 * busy camera cannot starve a person streaming a session, and stale frames are dropped, never queued.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@ManagedThreadFactoryDefinition(name = FrameWorker.THREADS)
public class FrameWorker {

    static final String THREADS = "java:app/concurrent/facegate-frames";

    /**
     * Frames analysed at once across all sources. Inference itself runs on one predictor per core;
     * the extra threads overlap image decoding and the database with it.
     */
    public static final int MAX_CONCURRENT_ANALYSES = 8;

    /**
     * Threads made by the application's managed thread factory carry its context (naming, class
     * loader) from their creation. A {@code ManagedExecutorService} would capture the submitter's
     * context at every submission instead, and Payara 6 does that with a ServiceLoader scan of every
     * jar of the application: 4 % of the server's Java samples on streamed frames
     * (docs/benchmarks/streaming.md), for a context the frames do not need.
     */
    @Resource(lookup = THREADS)
    ManagedThreadFactory threads;

    private ThreadPoolExecutor executor;

    private final Map<FrameSourceKind, FrameCounters> counters = new EnumMap<>(FrameSourceKind.class);

    public FrameWorker() {
        for (FrameSourceKind kind : FrameSourceKind.values()) {
            counters.put(kind, new FrameCounters());
        }
    }

    @PostConstruct
    void start() {
        // Lanes queue at most one task each, so the queue is bounded by the number of sources.
        executor = new ThreadPoolExecutor(MAX_CONCURRENT_ANALYSES, MAX_CONCURRENT_ANALYSES, 1, TimeUnit.MINUTES,
                new LinkedBlockingQueue<>(), threads);
        executor.allowCoreThreadTimeOut(true);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** A lane for one source's frames. */
    public FrameLane openLane(FrameSourceKind kind) {
        return new FrameLane(executor, counters.get(kind));
    }

    /** The counters of each kind of source. */
    public Map<FrameSourceKind, FrameCounters.Snapshot> status() {
        Map<FrameSourceKind, FrameCounters.Snapshot> status = new EnumMap<>(FrameSourceKind.class);
        counters.forEach((kind, c) -> status.put(kind, c.snapshot()));
        return status;
    }
}
