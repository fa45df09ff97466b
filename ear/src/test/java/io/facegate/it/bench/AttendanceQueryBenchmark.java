package io.facegate.it.bench;

import io.facegate.it.Api;
import io.facegate.it.FaceGateServer;
import io.facegate.it.Tenants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Seed 004's attendance queries over HTTP against 1,000,000 generated logs of one client (4,000
 * people in 10 departments, 30 cameras, one year, mornings in New York time) beside 200,000 of
 * another client: p50 and p99 of each listing and summary, and the plans PostgreSQL chose. Not a
 * test: opt in with {@code -Dfacegate.bench=true}; see docs/benchmarks/attendance.md for the command.
 */
@ExtendWith(FaceGateServer.class)
@EnabledIfSystemProperty(named = "facegate.bench", matches = "true")
class AttendanceQueryBenchmark {

    private static final int LOGS = Integer.getInteger("facegate.bench.logs", 1_000_000);
    private static final int RUNS = Integer.getInteger("facegate.bench.runs", 50);
    private static final int PEOPLE = 4_000;

    @Test
    void summariesAndListingsOverAMillionLogs() throws Exception {
        Tenants.Tenant tenant = Tenants.create("Benchmark College");
        Api api = tenant.api();
        assertEquals(200, api.put("/api/v1/attendance/settings/", "{\"time_zone\": \"America/New_York\", \"debounce_seconds\": 3600}").status());
        long started = System.nanoTime();
        generate(UUID.fromString(tenant.id()), LOGS);
        generate(UUID.fromString(Tenants.create("Benchmark Neighbour").id()), LOGS / 5);
        System.out.printf("generated %,d + %,d logs in %.1f s%n", LOGS, LOGS / 5, (System.nanoTime() - started) / 1e9);

        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("summary daily (one day, ~2,700 logs)", "/api/v1/attendance/summary/?period=daily&date_from=2025-06-10");
        queries.put("summary weekly", "/api/v1/attendance/summary/?period=weekly&date_from=2025-06-09");
        queries.put("summary monthly (~83,000 logs)", "/api/v1/attendance/summary/?period=monthly&date_from=2025-06-01");
        queries.put("summary monthly, one department", "/api/v1/attendance/summary/?period=monthly&date_from=2025-06-01&department=Dept%203");
        queries.put("summary yearly (all 1,000,000 logs)", "/api/v1/attendance/summary/?period=yearly&date_from=2025-01-01");
        queries.put("logs page 1, no filter (count of all)", "/api/v1/attendance/logs/");
        queries.put("logs page 50, no filter", "/api/v1/attendance/logs/?page=50");
        queries.put("logs of one employee", "/api/v1/attendance/logs/?employee_id=E1234");
        queries.put("logs of one department", "/api/v1/attendance/logs/?department=Dept%203");
        queries.put("logs of one camera", "/api/v1/attendance/logs/?camera_id=CAM007");
        queries.put("logs of one day", "/api/v1/attendance/logs/?date_from=2025-06-10&date_to=2025-06-10");
        queries.put("logs of one department on one day", "/api/v1/attendance/logs/?department=Dept%203&date_from=2025-06-10&date_to=2025-06-10");
        System.out.printf("%-48s %10s %10s %10s%n", "query", "p50 ms", "p99 ms", "max ms");
        for (Map.Entry<String, String> query : queries.entrySet()) {
            for (int i = 0; i < 3; i++) {
                assertEquals(200, api.get(query.getValue()).status(), query.getKey());
            }
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                long t = System.nanoTime();
                Api.Reply reply = api.get(query.getValue());
                millis.add((System.nanoTime() - t) / 1e6);
                assertEquals(200, reply.status(), reply::toString);
            }
            Collections.sort(millis);
            System.out.printf("%-48s %10.1f %10.1f %10.1f%n", query.getKey(), percentile(millis, 50), percentile(millis, 99),
                    millis.get(millis.size() - 1));
        }
        explain(UUID.fromString(tenant.id()));
    }

    /** People, then logs spread over 2025 on weekday mornings in New York, in one statement each. */
    private static void generate(UUID client, int logs) throws Exception {
        try (Connection db = FaceGateServer.database(); Statement sql = db.createStatement()) {
            sql.execute("insert into client_user (id, client_id, external_user_id, display_name, is_enrolled, metadata, created_at, updated_at,"
                    + " version, role, department, is_active, login_generation, failed_logins)"
                    + " select gen_random_uuid(), '" + client + "', 'E' || i, 'Person ' || i, false, '{}', now(), now(), 1, 'STUDENT',"
                    + " 'Dept ' || (i % 10), true, 1, 0 from generate_series(0, " + (PEOPLE - 1) + ") i");
            sql.execute("insert into attendance_log (id, client_id, client_user_id, department, logged_at, source, camera_code, camera_name,"
                    + " camera_location, confidence, verification_time, created_at)"
                    + " select gen_random_uuid(), '" + client + "', p.id, p.department,"
                    + "   ((date '2025-01-01' + (g % 365)) + time '07:00' + ((g::bigint * 7919) % 14400) * interval '1 second')"
                    + "     at time zone 'America/New_York',"
                    + "   'CAMERA', 'CAM' || lpad((g % 30)::text, 3, '0'), 'Camera ' || (g % 30), 'Building ' || (g % 5), 0.8, 0.4, now()"
                    + " from generate_series(1, " + logs + ") g"
                    + " join (select id, department, (row_number() over (order by external_user_id)) - 1 as n from client_user"
                    + "       where client_id = '" + client + "') p on p.n = (g * 31) % " + PEOPLE);
            // As autovacuum leaves a table in use: statistics and the visibility map (index-only scans) up to date.
            sql.execute("vacuum analyze attendance_log");
            sql.execute("vacuum analyze client_user");
        }
    }

    private static void explain(UUID client) throws Exception {
        try (Connection db = FaceGateServer.database();
             PreparedStatement plan = db.prepareStatement("explain (analyze, buffers off, timing off, summary on)"
                     + " select count(*) from attendance_log where client_id = ? and logged_at >= ? and logged_at < ?")) {
            plan.setObject(1, client);
            plan.setObject(2, java.time.OffsetDateTime.parse("2025-06-01T04:00:00Z"));
            plan.setObject(3, java.time.OffsetDateTime.parse("2025-07-01T04:00:00Z"));
            try (ResultSet rows = plan.executeQuery()) {
                System.out.println("plan of a month's range:");
                while (rows.next()) {
                    System.out.println("  " + rows.getString(1));
                }
            }
        }
    }

    private static double percentile(List<Double> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
