package io.facegate.frames;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;

import java.util.EnumMap;
import java.util.Map;

/**
 * The one place frames are analysed, whatever their source (session streams, cameras): a managed
 * executor with a global limit on concurrent analyses, and a {@link FrameLane} per source that
 * keeps at most its newest frame waiting. Sources take turns in arrival order, one frame each, so a
 * busy camera cannot starve a person streaming a session, and stale frames are dropped, never queued.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@ManagedExecutorDefinition(name = FrameWorker.EXECUTOR, maxAsync = FrameWorker.MAX_CONCURRENT_ANALYSES)
public class FrameWorker {

    static final String EXECUTOR = "java:app/concurrent/facegate-frames";

    /**
     * Frames analysed at once across all sources. Inference itself runs on one predictor per core;
     * the extra threads overlap image decoding and the database with it.
     */
    public static final int MAX_CONCURRENT_ANALYSES = 8;

    @Resource(lookup = EXECUTOR)
    ManagedExecutorService executor;

    private final Map<FrameSourceKind, FrameCounters> counters = new EnumMap<>(FrameSourceKind.class);

    public FrameWorker() {
        for (FrameSourceKind kind : FrameSourceKind.values()) {
            counters.put(kind, new FrameCounters());
        }
    }

    /**
     * A lane for one source's frames.
     *
     * @param held whether offered frames wait (the newest kept) until {@link FrameLane#releaseAfter}, e.g. until the source is admitted
     */
    public FrameLane openLane(FrameSourceKind kind, boolean held) {
        return new FrameLane(executor, counters.get(kind), held);
    }

    /** The counters of each kind of source. */
    public Map<FrameSourceKind, FrameCounters.Snapshot> status() {
        Map<FrameSourceKind, FrameCounters.Snapshot> status = new EnumMap<>(FrameSourceKind.class);
        counters.forEach((kind, c) -> status.put(kind, c.snapshot()));
        return status;
    }
}
