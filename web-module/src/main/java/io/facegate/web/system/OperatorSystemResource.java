package io.facegate.web.system;

import io.facegate.authentication.Roles;
import io.facegate.maintenance.MaintenanceJobs;
import io.facegate.maintenance.MaintenanceTask;
import io.facegate.frames.FrameCounters;
import io.facegate.frames.FrameWorker;
import io.facegate.recognition.FaceEngine;
import io.facegate.system.HostMetrics;
import io.facegate.system.OperationalLoad;
import io.facegate.system.SystemHealth;
import io.facegate.system.FaceGateException;
import io.facegate.web.FaceGateApi;
import io.facegate.web.authentication.RequiresRole;
import io.facegate.web.http.QueryValues;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seed 004's System Management for the operator: health with the work waiting and the recent API
 * traffic, and maintenance tasks run as the housekeeping batch jobs.
 */
@Path("v1/system")
@RequiresRole(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "System")
@SecurityRequirement(name = FaceGateApi.OPERATOR_TOKEN)
public class OperatorSystemResource {

    /** The traffic window of the health view. */
    static final Duration TRAFFIC_WINDOW = Duration.ofMinutes(5);

    @Inject
    MaintenanceJobs jobs;

    @Inject
    SystemHealth health;

    @Inject
    OperationalLoad load;

    @Inject
    FaceEngine engine;

    @Inject
    FrameWorker frameWorker;

    /** Seed 004's {@code performance}, over the last {@code window_minutes} of recorded API calls. */
    public record Performance(double avgApiResponseTime, double requestsPerMinute, double errorRate, long windowMinutes) {
    }

    /** Seed 004's health: {@code status}, {@code timestamp}, {@code services}, {@code performance}; and every tenant's {@code cameras}. */
    public record OperatorHealth(String status, Instant timestamp, Map<String, SystemResource.ServiceStatus> services,
                                 Performance performance, OperationalLoad.CameraCounts cameras) {
    }

    @GET
    @Path("health")
    @Operation(summary = "Health for the operator (seed 004): database and object storage (probed, response_time in ms), face engine, "
            + "face tasks and webhook deliveries waiting (queue_size), and the last 5 minutes of recorded API calls "
            + "(avg_api_response_time in seconds, requests_per_minute, error_rate = share of 5xx); cameras: every tenant's active cameras "
            + "online and offline, and those inactive; 503 when a service is down")
    @APIResponse(responseCode = "200", description = "All services healthy")
    @APIResponse(responseCode = "503", description = "At least one service is down")
    public Response health() {
        Map<String, SystemResource.ServiceStatus> services = new LinkedHashMap<>();
        services.put("database", SystemResource.ServiceStatus.of(health.database()));
        services.put("object_storage", SystemResource.ServiceStatus.of(health.objectStorage()));
        services.put("face_engine", SystemResource.faceEngine(engine));
        boolean databaseUp = services.get("database").status().equals("healthy");
        services.put("face_tasks", queue(databaseUp ? load.faceTasksWaiting() : null));
        services.put("webhooks", queue(databaseUp ? load.webhookBacklog() : null));
        Performance performance = null;
        OperationalLoad.CameraCounts cameras = null;
        if (databaseUp) {
            cameras = load.cameraCounts();
            OperationalLoad.Traffic traffic = load.traffic(TRAFFIC_WINDOW);
            performance = new Performance(traffic.averageResponseSeconds(), traffic.perMinute(), traffic.errorRate(), TRAFFIC_WINDOW.toMinutes());
        }
        boolean healthy = services.values().stream().allMatch(s -> s.status().equals("healthy"));
        return Response.status(healthy ? 200 : 503)
                .entity(new OperatorHealth(healthy ? "healthy" : "unhealthy", Instant.now(), services, performance, cameras)).build();
    }

    /** Seed 004's {@code face_processing}: face tasks ended (kept 24 hours) and frames analysed since the server started. */
    public record FaceProcessing(long totalProcessed, Double avgProcessingTime, Double successRate, long framesAnalysed) {
    }

    public record NetworkIo(Long bytesSent, Long bytesReceived) {
    }

    /** Seed 004's metrics, measured when asked; memory and CPU are the machine's, heap and process CPU FaceGate's own. */
    public record Metrics(Double cpuUsage, Double processCpuUsage, double memoryUsage, long heapUsedBytes, long heapMaxBytes, double diskUsage,
                          NetworkIo networkIo, FaceProcessing faceProcessing) {
    }

    @GET
    @Path("metrics")
    @Operation(summary = "System metrics (seed 004), measured when asked: cpu_usage (the machine's, 0-1; null until the JVM has a "
            + "sample), process_cpu_usage, memory_usage (the machine's), heap, disk_usage (the disk of the server's files), network_io "
            + "(bytes of all interfaces but loopback since boot, Linux), face_processing (face tasks ended in the last 24 hours: "
            + "total, mean processing time in seconds, success rate; frames analysed since the server started)")
    public Metrics metrics() {
        HostMetrics.Snapshot host = HostMetrics.now(java.nio.file.Path.of(System.getProperty("com.sun.aas.instanceRoot",
                System.getProperty("user.dir"))));
        OperationalLoad.FaceTaskTotals tasks = load.faceTaskTotals();
        long frames = frameWorker.status().values().stream().mapToLong(FrameCounters.Snapshot::analysed).sum();
        return new Metrics(host.cpuUsage(), host.processCpuUsage(), host.memoryUsage(), host.heapUsedBytes(), host.heapMaxBytes(),
                host.diskUsage(), new NetworkIo(host.bytesSent(), host.bytesReceived()),
                new FaceProcessing(tasks.finished(), tasks.averageProcessingSeconds(), tasks.successRate(), frames));
    }

    /** A queue's size; unknown (and the queue unhealthy) while the database that holds it is down. */
    private static SystemResource.ServiceStatus queue(Long size) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("queue_size", size);
        return new SystemResource.ServiceStatus(size == null ? "unhealthy" : "healthy", 0, details);
    }

    /** Seed 004's body: the task and its parameters ({@code days_to_keep} or {@code grace_hours}). */
    public record MaintenanceRequest(@NotBlank @Size(max = 40) String task, Map<String, Integer> parameters) {
        /** Declared, so that the constraints stay on the fields (see {@link io.facegate.web.http.JsonConfiguration}). */
        public MaintenanceRequest(String task, Map<String, Integer> parameters) {
            this.task = task;
            this.parameters = parameters;
        }
    }

    public record MaintenanceView(String task, List<BatchJobResource.JobExecutionView> executions) {
    }

    @POST
    @Path("maintenance")
    @Operation(summary = "Run a maintenance task now: cleanup_old_logs (API usage and webhook delivery logs older than "
            + "parameters.days_to_keep) or purge_expired_tokens (parameters.grace_hours); follow each job at "
            + "GET /api/core/jobs/executions/{id}")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "cleanup",
            value = "{\"task\": \"cleanup_old_logs\", \"parameters\": {\"days_to_keep\": 30}}")))
    @APIResponse(responseCode = "202", description = "The task's batch jobs started")
    public Response run(@Valid @NotNull MaintenanceRequest request) {
        MaintenanceTask task = QueryValues.enumeration(MaintenanceTask.class, "task", request.task());
        Map<String, Integer> parameters = request.parameters() == null ? Map.of() : request.parameters();
        for (String name : parameters.keySet()) {
            if (!name.equals(task.parameter())) {
                throw FaceGateException.invalid("invalid_parameters", task.apiName() + " takes only parameters." + task.parameter());
            }
        }
        List<BatchJobResource.JobExecutionView> started = jobs.run(task, parameters.get(task.parameter())).stream()
                .map(id -> BatchJobResource.JobExecutionView.of(jobs.execution(id))).toList();
        return Response.accepted(new MaintenanceView(task.apiName(), started)).build();
    }
}
