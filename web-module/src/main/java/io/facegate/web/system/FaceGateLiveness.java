package io.facegate.web.system;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** MicroProfile Health liveness ({@code /health/live}): the application is deployed and answering. */
@Liveness
@ApplicationScoped
public class FaceGateLiveness implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.up("facegate");
    }
}
