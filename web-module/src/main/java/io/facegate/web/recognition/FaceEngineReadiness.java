package io.facegate.web.recognition;

import io.facegate.recognition.EngineStatus;
import io.facegate.recognition.FaceEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** MicroProfile Health readiness ({@code /health/ready}): the face models are loaded and warmed up. */
@Readiness
@ApplicationScoped
public class FaceEngineReadiness implements HealthCheck {

    @Inject
    FaceEngine engine;

    @Override
    public HealthCheckResponse call() {
        EngineStatus status = engine.status();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("face-engine")
                .status(status.loaded())
                .withData("models", String.join(",", status.models()))
                .withData("load_time_ms", status.loadTimeMs());
        return (status.error() == null ? response : response.withData("error", status.error())).build();
    }
}
