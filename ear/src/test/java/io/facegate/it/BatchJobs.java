package io.facegate.it;

import jakarta.json.JsonObject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Runs batch jobs through the admin API and reads what the batch runtime recorded in PostgreSQL. */
public final class BatchJobs {

    private static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED");

    private BatchJobs() {
    }

    /** A job execution as the batch runtime's own tables hold it. */
    public record RecordedExecution(String jobName, String batchStatus, String exitStatus, String stepExitStatus) {
    }

    /** Starts a job, waits (at most a minute) for it to end and returns the execution as the API shows it then. */
    public static JsonObject runToEnd(String jobName) throws InterruptedException {
        Api admin = Api.bearer(Tenants.adminToken());
        Api.Reply started = admin.post("/api/core/jobs/" + jobName, "");
        assertEquals(202, started.status(), started::toString);
        JsonObject execution = started.json();
        String path = "/api/core/jobs/executions/" + execution.getJsonNumber("execution_id").longValue();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!ENDED.contains(execution.getString("batch_status")) && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            execution = admin.get(path).json();
        }
        return execution;
    }

    /** The execution's row in the job repository tables of the server's PostgreSQL database, if there is one. */
    public static Optional<RecordedExecution> recorded(long executionId) throws SQLException {
        try (Connection db = FaceGateServer.database();
             PreparedStatement query = db.prepareStatement("""
                     select i.name, e.batchstatus, e.exitstatus, s.exitstatus
                     from executioninstancedata e
                     join jobinstancedata i on i.jobinstanceid = e.jobinstanceid
                     left join stepexecutioninstancedata s on s.jobexecid = e.jobexecid
                     where e.jobexecid = ?""")) {
            query.setLong(1, executionId);
            try (ResultSet row = query.executeQuery()) {
                return row.next()
                        ? Optional.of(new RecordedExecution(row.getString(1), row.getString(2), row.getString(3), row.getString(4)))
                        : Optional.empty();
            }
        }
    }
}
