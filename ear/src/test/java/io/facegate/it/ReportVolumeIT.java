package io.facegate.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A report over a million attendance logs (2,000 people present on each of 500 days), written
 * straight into the database and asked for at once (statistics not yet refreshed): the JSON
 * figures, and the batch job's Excel (one detail row per person and day: a million rows) and PDF,
 * timed from request to stored file.
 */
@ExtendWith(FaceGateServer.class)
class ReportVolumeIT {

    private static final int PEOPLE = 2000;
    private static final int DAYS = 500;

    /**
     * Writes {@code people} people (in ten departments) of the client straight into the database, each
     * present once on every one of {@code days} days from 2023-01-02.
     */
    static void presentEveryDay(UUID client, int people, int days) throws SQLException {
        try (Connection db = FaceGateServer.database()) {
            try (PreparedStatement persons = db.prepareStatement("insert into client_user (id, client_id, external_user_id, first_name, last_name,"
                    + " department, created_at, updated_at) select gen_random_uuid(), ?, 'V' || lpad(i::text, 5, '0'), 'Person', i::text,"
                    + " 'Department ' || (i % 10), now(), now() from generate_series(1, ?) i")) {
                persons.setObject(1, client);
                persons.setInt(2, people);
                assertEquals(people, persons.executeUpdate());
            }
            try (PreparedStatement logs = db.prepareStatement("insert into attendance_log (id, client_id, client_user_id, department, logged_at,"
                    + " source, created_at) select gen_random_uuid(), u.client_id, u.id, u.department,"
                    + " (date '2023-01-02' + d) + time '13:00' + (random() * interval '2 hours'), 'CAMERA', now()"
                    + " from client_user u, generate_series(0, ? - 1) d where u.client_id = ?")) {
                logs.setInt(1, days);
                logs.setObject(2, client);
                assertEquals(people * days, logs.executeUpdate());
            }
        }
    }

    @Test
    void aMillionLogsStreamIntoTheFiles() throws Exception {
        Tenants.Tenant tenant = Tenants.create("Volume College");
        Api admin = tenant.api();
        Api operator = Api.bearer(Tenants.adminToken());
        UUID client = UUID.fromString(tenant.id());
        long started = System.nanoTime();
        presentEveryDay(client, PEOPLE, DAYS);
        System.out.printf("ReportVolumeIT: %,d logs written in %d s%n", PEOPLE * DAYS, (System.nanoTime() - started) / 1_000_000_000);
        String range = "\"date_from\": \"2023-01-02\", \"date_to\": \"2024-05-15\"";

        long json = System.nanoTime();
        // Straight after the bulk load, before autovacuum has analysed the tables: the figures must not
        // depend on fresh statistics.
        JsonObject report = admin.get("/api/v1/reports/attendance/?date_from=2023-01-02&date_to=2024-05-15").json();
        System.out.printf("ReportVolumeIT: JSON report over %,d logs in %d ms%n", PEOPLE * DAYS, (System.nanoTime() - json) / 1_000_000);
        assertEquals(PEOPLE, report.getInt("total_employees"));
        assertEquals(1.0, report.getJsonNumber("attendance_rate").doubleValue(), "everyone present every working day");

        for (String format : List.of("excel", "pdf")) {
            long begun = System.nanoTime();
            Api.Reply queued = admin.post("/api/v1/reports/", "{\"format\": \"" + format + "\", " + range + "}");
            assertEquals(202, queued.status(), queued::toString);
            String path = "/api/v1/reports/" + queued.json().getString("id") + "/";
            Instant deadline = Instant.now().plus(Duration.ofMinutes(15));
            JsonObject status = admin.get(path).json();
            double seenProgress = 0;
            long peakHeap = 0;
            while (!List.of("completed", "failed").contains(status.getString("status")) && Instant.now().isBefore(deadline)) {
                Thread.sleep(1000);
                peakHeap = Math.max(peakHeap, operator.get("/api/v1/system/metrics/").json().getJsonNumber("heap_used_bytes").longValue());
                status = admin.get(path).json();
                double progress = status.getJsonNumber("progress").doubleValue();
                assertTrue(progress >= seenProgress, "progress only grows");
                if (progress > 0 && progress < 1 && seenProgress == 0) {
                    System.out.printf("ReportVolumeIT: %s progress %.3f after %d s%n", format, progress, (System.nanoTime() - begun) / 1_000_000_000);
                }
                seenProgress = progress;
            }
            assertEquals("completed", status.getString("status"), status::toString);
            // Heap in use (garbage included) sampled once a second while the job ran: a figure for the docs; the bound is ReportLayoutVolumeTest's.
            System.out.printf("ReportVolumeIT: %s job's peak heap in use %,d MB%n", format, peakHeap / (1024 * 1024));
            System.out.printf("ReportVolumeIT: %s of %,d people over %d days (%,d person-days) stored in %d s, %,d bytes%n", format, PEOPLE, DAYS,
                    PEOPLE * DAYS, (System.nanoTime() - begun) / 1_000_000_000, status.getJsonNumber("byte_size").longValue());
            assertEquals(PEOPLE, status.getInt("rows_written"));
        }
    }
}
