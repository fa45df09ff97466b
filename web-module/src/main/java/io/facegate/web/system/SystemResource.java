package io.facegate.web.system;

import io.facegate.recognition.EngineStatus;
import io.facegate.recognition.FaceEngine;
import io.facegate.system.SystemHealth;
import io.facegate.web.FaceGateApi;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Seed 001's System group: is FaceGate and everything it needs up? */
@Path("system")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "System")
@SecurityRequirements
public class SystemResource {

    @Inject
    SystemHealth health;

    @Inject
    FaceEngine engine;

    public record ServiceStatus(String status, double responseTime, Map<String, Object> details) {
        static ServiceStatus of(SystemHealth.Probe probe) {
            return new ServiceStatus(probe.up() ? "healthy" : "unhealthy", probe.responseTimeMs(), probe.details());
        }
    }

    /** The models are loaded and warmed up; when they could not load, why. */
    static ServiceStatus faceEngine(FaceEngine engine) {
        EngineStatus status = engine.status();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("models", status.models().size());
        details.put("load_time_ms", status.loadTimeMs());
        if (status.error() != null) {
            details.put("error", status.error());
        }
        // The engine reports its state from memory: probing it takes no measurable time.
        return new ServiceStatus(status.loaded() ? "healthy" : "unhealthy", 0, details);
    }

    public record HealthReport(String status, Instant timestamp, Map<String, ServiceStatus> services) {
    }

    @GET
    @Path("health")
    @Extension(name = FaceGateApi.ANONYMOUS, value = "true")
    @Operation(summary = "Health of FaceGate and its database, object storage and models; 503 when any is down")
    @APIResponse(responseCode = "200", description = "All services healthy")
    @APIResponse(responseCode = "503", description = "At least one service is down")
    public Response health() {
        Map<String, ServiceStatus> services = new LinkedHashMap<>();
        services.put("database", ServiceStatus.of(health.database()));
        services.put("object_storage", ServiceStatus.of(health.objectStorage()));
        services.put("face_engine", faceEngine(engine));
        boolean healthy = services.values().stream().allMatch(s -> s.status().equals("healthy"));
        return Response.status(healthy ? 200 : 503)
                .entity(new HealthReport(healthy ? "healthy" : "unhealthy", Instant.now(), services)).build();
    }
}
