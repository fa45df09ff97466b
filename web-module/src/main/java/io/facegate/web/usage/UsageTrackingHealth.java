package io.facegate.web.usage;

import io.facegate.usage.UsageRecorder;
import io.facegate.usage.UsageTrackingStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Usage recording in {@code /health/ready}: queue fill and the counts of written, dropped and lost
 * calls. Always UP: lost usage rows are worth an alert, not taking the API out of service.
 */
@Readiness
@ApplicationScoped
public class UsageTrackingHealth implements HealthCheck {

    @Inject
    UsageRecorder recorder;

    @Override
    public HealthCheckResponse call() {
        UsageTrackingStatus status = recorder.status();
        return HealthCheckResponse.named("usage-tracking")
                .up()
                .withData("queued", status.queued())
                .withData("capacity", status.capacity())
                .withData("written", status.written())
                .withData("dropped", status.dropped())
                .withData("failed", status.failed())
                .build();
    }
}
