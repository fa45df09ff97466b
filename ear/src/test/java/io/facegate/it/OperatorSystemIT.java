package io.facegate.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seed 004's System Management for the operator: health with queues and the measured API traffic,
 * and a maintenance task that runs the purge jobs with its own retention.
 */
@ExtendWith(FaceGateServer.class)
class OperatorSystemIT {

    private static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED");

    @Test
    void theOperatorsHealthShowsServicesQueuesAndTheRecentTraffic() throws Exception {
        Tenants.Tenant tenant = Tenants.create("System Watcher");
        Api client = tenant.api();
        for (int i = 0; i < 5; i++) {
            assertEquals(200, client.get("/api/clients/users/").status());
        }
        Api operator = Api.bearer(Tenants.adminToken());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        JsonObject health = operator.get("/api/v1/system/health/").json();
        // Usage tracking writes calls in batches, off the request path.
        while (health.getJsonObject("performance").getJsonNumber("requests_per_minute").doubleValue() == 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            health = operator.get("/api/v1/system/health/").json();
        }
        assertEquals("healthy", health.getString("status"), health::toString);
        JsonObject services = health.getJsonObject("services");
        assertEquals(List.of("database", "object_storage", "face_engine", "face_tasks", "webhooks"), List.copyOf(services.keySet()));
        assertTrue(services.getJsonObject("database").getJsonNumber("response_time").doubleValue() > 0);
        assertEquals(JsonValue.ValueType.NUMBER, services.getJsonObject("face_tasks").getJsonObject("details").get("queue_size").getValueType());
        JsonObject performance = health.getJsonObject("performance");
        assertTrue(performance.getJsonNumber("requests_per_minute").doubleValue() >= 1.0, performance::toString);
        assertTrue(performance.getJsonNumber("avg_api_response_time").doubleValue() > 0, performance::toString);
        assertEquals(0.0, performance.getJsonNumber("error_rate").doubleValue(), "no 5xx");
        assertEquals(5, performance.getInt("window_minutes"));
        JsonObject cameras = health.getJsonObject("cameras");
        assertTrue(cameras.getInt("online") >= 0 && cameras.getInt("offline") >= 0, cameras::toString);
        assertEquals(403, client.get("/api/v1/system/health/").status(), "a client is not the operator");
    }

    @Test
    void theOperatorsMetricsAreMeasured() {
        JsonObject metrics = Api.bearer(Tenants.adminToken()).get("/api/v1/system/metrics/").json();
        double memory = metrics.getJsonNumber("memory_usage").doubleValue();
        assertTrue(memory > 0 && memory <= 1, metrics::toString);
        double disk = metrics.getJsonNumber("disk_usage").doubleValue();
        assertTrue(disk > 0 && disk <= 1, metrics::toString);
        assertTrue(metrics.getJsonNumber("heap_used_bytes").longValue() > 0);
        assertTrue(metrics.getJsonObject("network_io").getJsonNumber("bytes_received").longValue() >= 0, "Linux's /proc/net/dev is read");
        JsonObject faces = metrics.getJsonObject("face_processing");
        assertTrue(faces.getJsonNumber("total_processed").longValue() >= 0);
        assertTrue(faces.getJsonNumber("frames_analysed").longValue() >= 0);
    }

    @Test
    void cleanupOldLogsRunsThePurgeJobsWithItsOwnRetention() throws Exception {
        Tenants.Tenant tenant = Tenants.create("Old Logs Co");
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        try (Connection db = FaceGateServer.database()) {
            usage(db, tenant, old, Instant.now().minus(Duration.ofDays(40)));
            usage(db, tenant, recent, Instant.now().minus(Duration.ofDays(20)));
        }
        Api operator = Api.bearer(Tenants.adminToken());
        Api.Reply started = operator.post("/api/v1/system/maintenance/", "{\"task\": \"cleanup_old_logs\", \"parameters\": {\"days_to_keep\": 30}}");
        assertEquals(202, started.status(), started::toString);
        assertEquals("cleanup_old_logs", started.json().getString("task"));
        List<JsonObject> executions = started.json().getJsonArray("executions").getValuesAs(JsonObject.class);
        assertEquals(List.of("purge-api-usage", "purge-webhook-deliveries", "purge-audit-logs"), executions.stream().map(e -> e.getString("job_name")).toList());
        for (JsonObject execution : executions) {
            String path = "/api/core/jobs/executions/" + execution.getJsonNumber("execution_id").longValue();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            JsonObject now = operator.get(path).json();
            while (!ENDED.contains(now.getString("batch_status")) && Instant.now().isBefore(deadline)) {
                Thread.sleep(250);
                now = operator.get(path).json();
            }
            assertEquals("COMPLETED", now.getString("batch_status"), now::toString);
            assertTrue(now.getString("exit_status").startsWith("DELETED "), now::toString);
        }
        try (Connection db = FaceGateServer.database()) {
            assertEquals(false, exists(db, old), "older than 30 days: deleted");
            assertEquals(true, exists(db, recent), "20 days old: kept");
        }

        assertEquals("invalid_task", operator.post("/api/v1/system/maintenance/", "{\"task\": \"reboot\"}").json().getString("error"));
        assertEquals("invalid_days_to_keep", operator.post("/api/v1/system/maintenance/",
                "{\"task\": \"cleanup_old_logs\", \"parameters\": {\"days_to_keep\": 0}}").json().getString("error"));
        assertEquals("invalid_parameters", operator.post("/api/v1/system/maintenance/",
                "{\"task\": \"purge_expired_tokens\", \"parameters\": {\"days_to_keep\": 3}}").json().getString("error"));
        assertEquals(403, tenant.api().post("/api/v1/system/maintenance/", "{\"task\": \"cleanup_old_logs\"}").status());
    }

    private static void usage(Connection db, Tenants.Tenant tenant, UUID id, Instant at) throws Exception {
        try (PreparedStatement insert = db.prepareStatement("insert into api_usage (id, client_id, endpoint, method, status_code,"
                + " response_time_ms, created_at) values (?, ?, 'other', 'GET', 200, 1.5, ?)")) {
            insert.setObject(1, id);
            insert.setObject(2, UUID.fromString(tenant.id()));
            insert.setTimestamp(3, Timestamp.from(at));
            insert.executeUpdate();
        }
    }

    private static boolean exists(Connection db, UUID id) throws Exception {
        try (PreparedStatement query = db.prepareStatement("select count(*) from api_usage where id = ?")) {
            query.setObject(1, id);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1) == 1;
            }
        }
    }
}
