package io.facegate.it;

import io.facegate.it.BatchJobs.RecordedExecution;
import io.facegate.it.Tenants.Tenant;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The housekeeping jobs run on the real batch runtime, which keeps its job repository in PostgreSQL. */
@ExtendWith(FaceGateServer.class)
class BatchJobsIT {

    @Test
    void theTokenPurgeDeletesTokensExpiredBeyondTheGraceDayAndReportsHowMany() throws Exception {
        Tenant tenant = Tenants.create("Purge Co");
        Instant now = Instant.now();
        List<UUID> longExpired = List.of(
                insertRefreshToken(tenant, now.minus(Duration.ofDays(30))),
                insertRefreshToken(tenant, now.minus(Duration.ofDays(2))),
                insertRefreshToken(tenant, now.minus(Duration.ofHours(25))));
        UUID withinGrace = insertRefreshToken(tenant, now.minus(Duration.ofHours(1)));
        UUID valid = insertRefreshToken(tenant, now.plus(Duration.ofDays(7)));

        JsonObject execution = BatchJobs.runToEnd("purge-expired-tokens");

        assertEquals("COMPLETED", execution.getString("batch_status"), execution::toString);
        assertEquals("DELETED 3", execution.getString("exit_status"));
        Set<UUID> all = new HashSet<>(longExpired);
        all.add(withinGrace);
        all.add(valid);
        assertEquals(Set.of(withinGrace, valid), existingRefreshTokens(all));

        long executionId = execution.getJsonNumber("execution_id").longValue();
        assertEquals(new RecordedExecution("purge-expired-tokens", "COMPLETED", "DELETED 3", "DELETED 3"),
                BatchJobs.recorded(executionId).orElseThrow(() -> new AssertionError(
                        "execution " + executionId + " is not in PostgreSQL's job repository")));

        Api admin = Api.bearer(Tenants.adminToken());
        var listed = admin.get("/api/core/jobs/executions/?limit=5").structure().asJsonArray();
        assertEquals(executionId, listed.getJsonObject(0).getJsonNumber("execution_id").longValue(), "the newest first: " + listed);
        assertEquals("DELETED 3", listed.getJsonObject(0).getString("exit_status"));
        assertEquals(400, admin.get("/api/core/jobs/executions/?limit=0").status());
        assertEquals(403, tenant.api().get("/api/core/jobs/executions/").status(), "the operator's only");
    }

    @Test
    void onlyKnownJobsCanBeStarted() {
        Api admin = Api.bearer(Tenants.adminToken());
        assertEquals(404, admin.post("/api/core/jobs/no-such-job", "").status());
        assertEquals(404, admin.get("/api/core/jobs/executions/987654321").status());
    }

    private static UUID insertRefreshToken(Tenant tenant, Instant expiresAt) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection db = FaceGateServer.database();
             PreparedStatement insert = db.prepareStatement(
                     "insert into refresh_token (id, family_id, client_id, scope, issued_at, expires_at) values (?, ?, ?, 'full', ?, ?)")) {
            insert.setObject(1, id);
            insert.setObject(2, UUID.randomUUID());
            insert.setObject(3, UUID.fromString(tenant.id()));
            insert.setObject(4, OffsetDateTime.ofInstant(expiresAt.minus(Duration.ofDays(7)), ZoneOffset.UTC));
            insert.setObject(5, OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC));
            insert.executeUpdate();
        }
        return id;
    }

    private static Set<UUID> existingRefreshTokens(Set<UUID> ids) throws SQLException {
        try (Connection db = FaceGateServer.database();
             PreparedStatement query = db.prepareStatement("select id from refresh_token where id = any (?)")) {
            query.setArray(1, db.createArrayOf("uuid", ids.toArray()));
            Set<UUID> existing = new HashSet<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    existing.add(rows.getObject(1, UUID.class));
                }
            }
            return existing;
        }
    }
}
