package io.facegate.it;

import jakarta.json.JsonObject;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
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
 * The "a job killed mid-run restarts": the application server is killed (SIGKILL), or
 * stopped in order, while an Excel report's batch job writes its rows; when it has started again the
 * job runs again and the report ends completed, with the whole file, without being asked for again.
 */
@ExtendWith(FaceGateServer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportJobCrashIT {

    /** 1,000 people present on each of 300 days: 300,000 detail rows, several seconds of writing. */
    private static final int PEOPLE = 1000;
    private static final int DAYS = 300;
    private static final LocalDate FIRST_DAY = LocalDate.of(2023, 1, 2);

    /** A report's job execution and that execution's job instance, as the database holds them. */
    private record Execution(long id, long instanceId, String batchStatus, String exitStatus) {
    }

    private static Api admin;

    /** What a test saw when it stopped the server under a report's job. */
    private record CutOff(String path, String reportId, Execution execution, int rowsWritten, long stoppedAt, long upAfter) {
    }

    @BeforeAll
    static void attendanceOfAThousandPeopleOverThreeHundredDays() throws Exception {
        Tenants.Tenant tenant = Tenants.create("Crash College");
        admin = tenant.api();
        ReportVolumeIT.presentEveryDay(UUID.fromString(tenant.id()), PEOPLE, DAYS);
    }

    @Test
    @Order(1)
    void aReportJobKilledMidRunIsRestartedAndTheReportCompletes() throws Exception {
        CutOff killed = cutOff(FaceGateServer::crash);

        Execution restarted = completed(killed, "killed");
        assertEquals(killed.execution().instanceId(), restarted.instanceId(), "of the same job instance: a restart, not a new job");
        Execution before = recorded(killed.execution().id());
        assertEquals("FAILED", before.batchStatus(), "the killed execution was marked failed at the start");
        assertEquals("INTERRUPTED BY A SERVER STOP", before.exitStatus());
    }

    /**
     * A stop in order, then a start that deploys the application anew (as {@code ./facegate start}
     * does): the report is queued again as the application stops, and the new deployment, which the
     * batch runtime does not let restart an earlier deployment's execution, runs it as a new job.
     */
    @Test
    @Order(2)
    void aReportJobStoppedInOrderRunsAgainAsANewJobOfTheNewDeploymentAndTheReportCompletes() throws Exception {
        CutOff stopped = cutOff(FaceGateServer::restart);

        Execution again = completed(stopped, "stopped in order");
        assertTrue(FaceGateServer.announcedCutOffAtTheStop(stopped.execution().id()), "queued again as the application stopped");
        assertNotEquals(stopped.execution().instanceId(), again.instanceId(), "a new job instance of the new deployment");
        assertEquals("FAILED", recorded(stopped.execution().id()).batchStatus(), "the stopped execution ended failed, by the runtime or at the start");
    }

    /** Asks for an Excel report over every day and stops the server once its job has written rows. */
    private static CutOff cutOff(ServerStop stop) throws Exception {
        Api.Reply queued = admin.post("/api/v1/reports/", "{\"format\": \"excel\", \"date_from\": \"" + FIRST_DAY + "\", \"date_to\": \""
                + FIRST_DAY.plusDays(DAYS - 1) + "\"}");
        assertEquals(202, queued.status(), queued::toString);
        String reportId = queued.json().getString("id");
        String path = "/api/v1/reports/" + reportId + "/";
        JsonObject running = await(admin, path, s -> "running".equals(s.getString("status")) && s.getInt("rows_written") > 0,
                Duration.ofMinutes(2));
        assertEquals("running", running.getString("status"), "the job wrote its first rows: " + running);
        Execution execution = execution(reportId);
        assertEquals("STARTED", execution.batchStatus());
        long stoppedAt = System.nanoTime();
        stop.run();
        return new CutOff(path, reportId, execution, running.getInt("rows_written"), stoppedAt, System.nanoTime());
    }

    /**
     * The report completed without being asked for again, its whole file downloadable, written by a
     * new execution; that execution, and how long it all took, printed.
     */
    private static Execution completed(CutOff cutOff, String how) throws Exception {
        JsonObject ended = await(admin, cutOff.path(), s -> List.of("completed", "failed").contains(s.getString("status")), Duration.ofMinutes(3));
        long completedAfter = System.nanoTime();
        assertEquals("completed", ended.getString("status"), ended::toString);
        assertEquals(PEOPLE, ended.getInt("rows_written"));
        Execution last = execution(cutOff.reportId());
        assertEquals("COMPLETED", last.batchStatus());
        assertNotEquals(cutOff.execution().id(), last.id(), "a new execution wrote the file");
        Api.Binary download = Api.fetch(ended.getString("download_url"));
        assertEquals(200, download.status());
        assertEquals(ended.getJsonNumber("byte_size").longValue(), download.body().length);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(download.body()));
             Stream<Row> detail = workbook.findSheet("Detail").orElseThrow().openStream()) {
            assertEquals(1 + (long) PEOPLE * DAYS, detail.count(), "the whole file, each row once, after the header");
        }
        System.out.printf("ReportJobCrashIT: %s at %d of %d rows; server up again %d s later; report completed %d s after the stop,"
                        + " %,d bytes (execution %d, then %d)%n", how, cutOff.rowsWritten(), PEOPLE, (cutOff.upAfter() - cutOff.stoppedAt()) / 1_000_000_000,
                (completedAfter - cutOff.stoppedAt()) / 1_000_000_000, download.body().length, cutOff.execution().id(), last.id());
        return last;
    }

    @FunctionalInterface
    private interface ServerStop {
        void run() throws Exception;
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
