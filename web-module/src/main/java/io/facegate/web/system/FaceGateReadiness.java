package io.facegate.web.system;

import io.facegate.system.SystemHealth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** MicroProfile Health readiness ({@code /health/ready}): database and object storage reachable. */
@Readiness
@ApplicationScoped
public class FaceGateReadiness implements HealthCheck {

    @Inject
    SystemHealth health;

    @Override
    public HealthCheckResponse call() {
        SystemHealth.Probe database = health.database();
        SystemHealth.Probe storage = health.objectStorage();
        return HealthCheckResponse.named("facegate")
                .status(database.up() && storage.up())
                .withData("database", database.up() ? "UP" : "DOWN")
                .withData("object_storage", storage.up() ? "UP" : "DOWN")
                .build();
    }
}
