package io.facegate.web.frames;

import io.facegate.frames.FrameCounters;
import io.facegate.frames.FrameWorker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The frame worker in {@code /health/ready}, per kind of source: frames queued for a thread,
 * running, waiting behind their source's running frame, analysed and dropped as stale. Always UP:
 * a full worker answers slower, it does not stop answering.
 */
@Readiness
@ApplicationScoped
public class FrameWorkerHealth implements HealthCheck {

    @Inject
    FrameWorker worker;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("frame-worker").up()
                .withData("max_concurrent", FrameWorker.MAX_CONCURRENT_ANALYSES);
        worker.status().forEach((kind, counters) -> add(response, kind.apiName(), counters));
        return response.build();
    }

    private static void add(HealthCheckResponseBuilder response, String source, FrameCounters.Snapshot counters) {
        response.withData(source + "_queued", counters.queued())
                .withData(source + "_running", counters.running())
                .withData(source + "_waiting", counters.waiting())
                .withData(source + "_analysed", counters.analysed())
                .withData(source + "_dropped_stale", counters.droppedStale());
    }
}
