package io.facegate.web.system;

import io.facegate.frames.FrameCounters;
import io.facegate.frames.FrameSourceKind;
import io.facegate.frames.FrameWorker;
import io.facegate.system.OperationalLoad;
import io.facegate.usage.UsageRecorder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * FaceGate's application metrics on the operator's MicroProfile Metrics endpoint ({@code /metrics},
 * scope {@code application}): what an operator charts next to Payara's JVM and request metrics.
 * Every value is read when scraped, from the counters the parts keep or from the database; none is
 * kept twice. A database reading that fails answers NaN for that metric, so that one unreachable
 * dependency does not blank the whole scrape.
 */
@ApplicationScoped
public class FaceGateMetrics {

    /** The window of the API traffic gauges, as the seed 004 health's {@code performance}. */
    static final Duration TRAFFIC_WINDOW = Duration.ofMinutes(5);

    private static final Logger LOG = Logger.getLogger(FaceGateMetrics.class.getName());

    @Inject
    MetricRegistry registry;

    @Inject
    FrameWorker frames;

    @Inject
    OperationalLoad load;

    @Inject
    UsageRecorder usage;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        for (FrameSourceKind kind : FrameSourceKind.values()) {
            Tag source = new Tag("source", kind.apiName());
            frameGauge("facegate_frames_analysed", "Frames analysed since the server started (a counter)", kind, source,
                    FrameCounters.Snapshot::analysed);
            frameGauge("facegate_frames_dropped_stale", "Frames dropped as stale since the server started (a counter)", kind, source,
                    FrameCounters.Snapshot::droppedStale);
            frameGauge("facegate_frames_queued", "Frames waiting for an analysis thread", kind, source, FrameCounters.Snapshot::queued);
            frameGauge("facegate_frames_running", "Frames being analysed", kind, source, FrameCounters.Snapshot::running);
        }
        gauge("facegate_face_tasks_waiting", "Face tasks queued or running", MetricUnits.NONE, () -> load.faceTasksWaiting());
        gauge("facegate_webhook_backlog", "Webhook deliveries still to send", MetricUnits.NONE, () -> load.webhookBacklog());
        gauge("facegate_usage_queue", "API calls waiting to be written by usage tracking", MetricUnits.NONE, () -> usage.status().queued());
        gauge("facegate_usage_dropped", "API calls usage tracking dropped since start, its queue full (a counter)", MetricUnits.NONE,
                () -> usage.status().dropped());
        camerasGauge("online", OperationalLoad.CameraCounts::online);
        camerasGauge("offline", OperationalLoad.CameraCounts::offline);
        camerasGauge("inactive", OperationalLoad.CameraCounts::inactive);
        gauge("facegate_api_requests_per_minute", "API calls per minute over the last 5 minutes, as usage tracking recorded them",
                MetricUnits.NONE, () -> load.traffic(TRAFFIC_WINDOW).perMinute());
        gauge("facegate_api_response_time_avg", "Mean API response time over the last 5 minutes", MetricUnits.SECONDS,
                () -> load.traffic(TRAFFIC_WINDOW).averageResponseSeconds());
        gauge("facegate_api_error_rate", "Share of API calls answered 5xx over the last 5 minutes", MetricUnits.NONE,
                () -> load.traffic(TRAFFIC_WINDOW).errorRate());
    }

    private void frameGauge(String name, String description, FrameSourceKind kind, Tag source, ToLongFunction<FrameCounters.Snapshot> value) {
        registry.gauge(Metadata.builder().withName(name).withDescription(description).build(),
                () -> value.applyAsLong(frames.status().get(kind)), source);
    }

    private void camerasGauge(String state, ToLongFunction<OperationalLoad.CameraCounts> value) {
        registry.gauge(Metadata.builder().withName("facegate_cameras").withDescription("Cameras of every client by state").build(),
                measured("facegate_cameras", () -> value.applyAsLong(load.cameraCounts())), new Tag("state", state));
    }

    private void gauge(String name, String description, String unit, Supplier<Number> value) {
        registry.gauge(Metadata.builder().withName(name).withDescription(description).withUnit(unit).build(), measured(name, value));
    }

    /** The value, or NaN when reading it failed (logged). */
    private static Supplier<Double> measured(String name, Supplier<? extends Number> value) {
        return () -> {
            try {
                return value.get().doubleValue();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Metric " + name + " could not be read", e);
                return Double.NaN;
            }
        };
    }
}
