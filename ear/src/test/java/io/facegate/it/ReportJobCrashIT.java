package io.facegate.it;

import jakarta.json.JsonObject;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The "a job killed mid-run restarts": the application server is killed (SIGKILL) while an
 * Excel report's batch job writes its rows; when it has started again, the same job instance is
 * restarted and the report ends completed, with the whole file, without being asked for again.
 */
@ExtendWith(FaceGateServer.class)
class ReportJobCrashIT {

    /** 1,000 people present on each of 300 days: 300,000 detail rows, several seconds of writing. */
    private static final int PEOPLE = 1000;
    private static final int DAYS = 300;
    private static final LocalDate FIRST_DAY = LocalDate.of(2023, 1, 2);

    /** A report's job execution and that execution's job instance, as the database holds them. */
    private record Execution(long id, long instanceId, String batchStatus, String exitStatus) {
    }

    @Test
    void aReportJobKilledMidRunIsRestartedAndTheReportCompletes() throws Exception {
        Tenants.Tenant tenant = Tenants.create("Crash College");
        Api admin = tenant.api();
        ReportVolumeIT.presentEveryDay(UUID.fromString(tenant.id()), PEOPLE, DAYS);
        Api.Reply queued = admin.post("/api/v1/reports/", "{\"format\": \"excel\", \"date_from\": \"" + FIRST_DAY + "\", \"date_to\": \""
                + FIRST_DAY.plusDays(DAYS - 1) + "\"}");
        assertEquals(202, queued.status(), queued::toString);
        String reportId = queued.json().getString("id");
        String path = "/api/v1/reports/" + reportId + "/";

        JsonObject running = await(admin, path, s -> "running".equals(s.getString("status")) && s.getInt("rows_written") > 0,
                Duration.ofMinutes(2));
        assertEquals("running", running.getString("status"), "the job wrote its first rows: " + running);
        Execution killed = execution(reportId);
        assertEquals("STARTED", killed.batchStatus());
        long killedAt = System.nanoTime();
        FaceGateServer.crash();
        long upAfter = System.nanoTime();

        JsonObject ended = await(admin, path, s -> List.of("completed", "failed").contains(s.getString("status")), Duration.ofMinutes(3));
        long completedAfter = System.nanoTime();
        assertEquals("completed", ended.getString("status"), ended::toString);
        assertEquals(PEOPLE, ended.getInt("rows_written"));
        Execution restarted = execution(reportId);
        assertNotEquals(killed.id(), restarted.id(), "a new execution wrote the file");
        assertEquals(killed.instanceId(), restarted.instanceId(), "of the same job instance: a restart, not a new job");
        assertEquals("COMPLETED", restarted.batchStatus());
        Execution before = recorded(killed.id());
        assertEquals("FAILED", before.batchStatus(), "the killed execution was marked failed at the start");
        assertEquals("INTERRUPTED BY A SERVER STOP", before.exitStatus());

        Api.Binary download = Api.fetch(ended.getString("download_url"));
        assertEquals(200, download.status());
        assertEquals(ended.getJsonNumber("byte_size").longValue(), download.body().length);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(download.body()));
             Stream<Row> detail = workbook.findSheet("Detail").orElseThrow().openStream()) {
            assertEquals(1 + (long) PEOPLE * DAYS, detail.count(), "the whole file, each row once, after the header");
        }
        System.out.printf("ReportJobCrashIT: killed at %d of %d rows; server up again %d s later; report completed %d s after the kill,"
                        + " %,d bytes (execution %d restarted as %d)%n", running.getInt("rows_written"), PEOPLE, (upAfter - killedAt) / 1_000_000_000,
                (completedAfter - killedAt) / 1_000_000_000, download.body().length, killed.id(), restarted.id());
    }

    private static JsonObject await(Api admin, String path, Predicate<JsonObject> until, Duration wait)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(wait);
        JsonObject status = admin.get(path).json();
        while (!until.test(status) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            status = admin.get(path).json();
        }
        return status;
    }

    /** The report's current job execution. */
    private static Execution execution(String reportId) throws Exception {
        try (Connection db = FaceGateServer.database();
             PreparedStatement query = db.prepareStatement("select execution_id from report where id = ?")) {
            query.setObject(1, UUID.fromString(reportId));
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                return recorded(row.getLong(1));
            }
        }
    }

    private static Execution recorded(long executionId) throws Exception {
        try (Connection db = FaceGateServer.database();
             PreparedStatement query = db.prepareStatement("select jobinstanceid, batchstatus, exitstatus from executioninstancedata"
                     + " where jobexecid = ?")) {
            query.setLong(1, executionId);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "execution " + executionId + " recorded");
                return new Execution(executionId, row.getLong(1), row.getString(2), row.getString(3));
            }
        }
    }
}
