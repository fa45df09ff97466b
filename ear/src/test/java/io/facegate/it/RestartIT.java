package io.facegate.it;

import io.facegate.it.Tenants.Tenant;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs last: a server restart keeps clients, their users, the signing keys and the batch job repository in PostgreSQL. */
@Order(Integer.MAX_VALUE)
@ExtendWith(FaceGateServer.class)
class RestartIT {

    private static Tenant tenant;
    private static Api tokenFromBefore;
    private static String userId;
    private static long jobExecutionFromBefore;

    @BeforeAll
    static void restartWithDataInPlace() throws Exception {
        tenant = Tenants.create("Durable Co");
        tokenFromBefore = tenant.api();
        userId = tokenFromBefore.post("/api/clients/users/", "{\"external_user_id\":\"carol\"}").json().getString("id");
        jobExecutionFromBefore = BatchJobs.runToEnd("purge-expired-tokens").getJsonNumber("execution_id").longValue();

        FaceGateServer.restart();
    }

    @Test
    void dataAndTokensSurviveARestart() {
        assertEquals("carol", tokenFromBefore.get("/api/clients/users/" + userId).json().getString("external_user_id"),
                "a token issued before the restart is still valid");
        assertEquals(200, tenant.api().get("/api/clients/users/" + userId).status());
    }

    @Test
    void batchJobsStillRecordInPostgresqlAfterARestart() throws Exception {
        assertTrue(BatchJobs.recorded(jobExecutionFromBefore).isPresent(), "the execution from before the restart is kept");
        Api.Reply earlier = Api.bearer(Tenants.adminToken()).get("/api/core/jobs/executions/" + jobExecutionFromBefore);
        assertEquals(404, earlier.status(), "the batch runtime shows a deployment only its own executions: " + earlier);
        long recordedBefore = BatchJobs.recordedCount();

        JsonObject execution = BatchJobs.runToEnd("purge-expired-tokens");

        assertEquals("COMPLETED", execution.getString("batch_status"), execution::toString);
        long executionId = execution.getJsonNumber("execution_id").longValue();
        assertEquals(recordedBefore + 1, BatchJobs.recordedCount(), "the execution went to PostgreSQL's job repository");
        assertEquals(execution.getString("exit_status"), BatchJobs.recorded(executionId).orElseThrow().exitStatus());
    }
}
