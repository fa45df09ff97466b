package io.facegate.it;

import io.facegate.it.Tenants.Tenant;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * API usage tracking (seed 000): two tenants make calls, which are recorded asynchronously, so the
 * tests poll the usage endpoint until the rows are there.
 */
@Order(5)
@ExtendWith(FaceGateServer.class)
class UsageIT {

    private static final String CLIENTS = "/api/clients/usage/?category=clients";
    private static final String USER_AGENT = "usage-it/1.0";

    private static Tenant tenantA;
    private static Api a;
    private static Api b;
    private static String missingUserPath;
    private static String marker;
    private static Instant started;

    @BeforeAll
    static void twoTenantsMakeCalls() {
        started = Instant.now().minusSeconds(1);
        tenantA = Tenants.create("Usage A Co");
        a = tenantA.api();
        Api aByKey = Api.anonymous().header("X-API-Key", tenantA.apiKey()).header("X-API-Secret", tenantA.apiSecret())
                .header("User-Agent", USER_AGENT);
        b = Tenants.create("Usage B Co").api();
        missingUserPath = "/api/clients/users/" + UUID.randomUUID() + "/";
        marker = "marker-" + UUID.randomUUID();

        // Tenant A: five client-management calls (JWT and API key) and one face call.
        assertEquals(201, a.post("/api/clients/users/", "{\"external_user_id\":\"usage-alice\"}").status());
        assertEquals(200, a.get("/api/clients/users/?search=usage&limit=5").status());
        assertEquals(404, a.get(missingUserPath).status());
        assertEquals(200, aByKey.get("/api/clients/users").status());
        assertEquals(200, a.header("X-Forwarded-For", "203.0.113.7").get("/api/clients/users/").status());
        assertEquals(400, a.post("/api/faces/detect", "{\"image\": ").status());
        // A browser's session-scope token is the client's too.
        String browserToken = Api.anonymous().post("/api/auth/client/", "{\"api_key\":\"" + tenantA.apiKey() + "\"}")
                .json().getString("jwt_token");
        assertEquals(201, Api.bearer(browserToken).post("/api/auth/enrollment/", "{\"user_id\":\"usage-bob\"}").status());
        assertEquals(201, Api.bearer(browserToken).post("/api/enrollment/create/", "{\"user_id\":\"usage-carol\"}").status());
        // Nobody's usage: no credentials, a forged token, the operator.
        assertEquals(401, Api.anonymous().get("/api/clients/users/?search=" + marker).status());
        assertEquals(401, Api.bearer("not.a.token").get("/api/clients/users/?search=" + marker).status());
        assertEquals(200, Api.bearer(Tenants.adminToken()).get("/api/core/clients/?search=" + marker).status());
        // A NUL in a query is refused before anything is recorded: it cannot fail the batch that B's calls are written in.
        assertEquals(400, a.get("/api/clients/users/?search=x%00y&marker=" + marker).status());
        // Tenant B: two calls.
        assertEquals(200, b.get("/api/clients/users/").status());
        assertEquals(200, b.get("/api/clients/users/?search=b").status());

        awaitCount(a, CLIENTS, 5);
        awaitCount(a, "/api/clients/usage/?category=recognition", 1);
        awaitCount(a, "/api/clients/usage/?category=enrollment", 2);
        awaitCount(b, CLIENTS, 2);
    }

    @Test
    void everyAuthenticatedCallIsRecordedWithItsFacts() throws Exception {
        JsonObject page = a.get(CLIENTS).json();
        assertEquals(5, page.getInt("count"), page::toString);
        List<JsonObject> rows = results(page);
        assertEquals(List.of("GET", "GET", "GET", "GET", "POST"), rows.stream().map(r -> r.getString("method")).sorted().toList());
        assertEquals(List.of(200, 200, 200, 201, 404), rows.stream().map(r -> r.getInt("status_code")).sorted().toList());
        for (JsonObject row : rows) {
            assertEquals("clients", row.getString("endpoint"));
            assertNotNull(UUID.fromString(row.getString("id")));
            assertTrue(row.getJsonNumber("response_time_ms").doubleValue() >= 0, row::toString);
            Instant at = Instant.parse(row.getString("created_at"));
            assertTrue(at.isAfter(started) && at.isBefore(Instant.now().plusSeconds(1)), row::toString);
            String ip = row.getString("ip_address");
            assertTrue(InetAddress.getByName(ip).isLoopbackAddress(), "X-Forwarded-For is ignored without trusted proxies: " + ip);
        }
        List<String> times = rows.stream().map(r -> r.getString("created_at")).toList();
        assertEquals(times.stream().sorted(java.util.Comparator.reverseOrder()).toList(), times, "newest first");

        JsonObject created = row(rows, "POST");
        assertEquals("/api/clients/users/", created.getJsonObject("metadata").getString("path"));
        assertEquals("ClientUserResource#register", created.getJsonObject("metadata").getString("view_name"));
        JsonObject missing = rows.stream().filter(r -> r.getInt("status_code") == 404).findFirst().orElseThrow();
        assertEquals(missingUserPath, missing.getJsonObject("metadata").getString("path"));
        assertEquals("ClientUserResource#get", missing.getJsonObject("metadata").getString("view_name"));
        JsonObject searched = rows.stream().filter(r -> !r.getJsonObject("metadata").getJsonObject("query_params").isEmpty())
                .findFirst().orElseThrow();
        assertEquals(Map.of("search", "usage", "limit", "5"), searched.getJsonObject("metadata").getJsonObject("query_params")
                .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> ((jakarta.json.JsonString) e.getValue()).getString())));
        assertEquals("ClientUserResource#list", searched.getJsonObject("metadata").getString("view_name"));
        JsonObject byKey = rows.stream().filter(r -> USER_AGENT.equals(r.getString("user_agent", null))).findFirst()
                .orElseThrow(() -> new AssertionError("the X-API-Key call is recorded with its user agent: " + rows));
        assertEquals("/api/clients/users", byKey.getJsonObject("metadata").getString("path"), "path exactly as called");

        JsonObject face = results(a.get("/api/clients/usage/?category=recognition").json()).get(0);
        assertEquals("POST", face.getString("method"));
        assertEquals(400, face.getInt("status_code"));
        assertEquals("/api/faces/detect", face.getJsonObject("metadata").getString("path"));
        assertEquals("FaceResource#detectJson", face.getJsonObject("metadata").getString("view_name"));

        // Seed 000's alias is served by the same method but recorded under the path the client called.
        List<JsonObject> enrollments = results(a.get("/api/clients/usage/?category=enrollment").json());
        assertEquals(List.of("/api/enrollment/create/", "/api/auth/enrollment/"),
                enrollments.stream().map(r -> r.getJsonObject("metadata").getString("path")).toList());
        for (JsonObject enrollment : enrollments) {
            assertEquals(201, enrollment.getInt("status_code"));
            assertEquals("SessionResource#openEnrollment", enrollment.getJsonObject("metadata").getString("view_name"));
        }
    }

    @Test
    void filtersNarrowTheListing() {
        assertEquals(1, count(a, CLIENTS + "&status=4xx"));
        assertEquals(1, count(a, CLIENTS + "&status=404"));
        assertEquals(0, count(a, CLIENTS + "&status=5xx"));
        assertEquals(3, count(a, CLIENTS + "&status=200"));
        assertEquals(4, count(a, CLIENTS + "&status=2xx"));
        assertEquals(1, count(a, CLIENTS + "&method=post"));
        assertEquals(4, count(a, CLIENTS + "&method=GET"));
        assertEquals(1, count(a, "/api/clients/usage/?category=recognition&status=4xx&method=POST"));
        assertEquals(0, count(a, "/api/clients/usage/?category=recognition&status=2xx"));
        assertEquals(0, count(a, "/api/clients/usage/?category=liveness"));

        assertEquals(5, count(a, CLIENTS + "&from=" + started + "&to=" + Instant.now().plusSeconds(60)));
        assertEquals(0, count(a, CLIENTS + "&from=" + Instant.now().plusSeconds(60)));
        assertEquals(0, count(a, CLIENTS + "&to=2000-01-01"));
        // Both ends are inclusive, to the stored microsecond.
        List<JsonObject> rows = results(a.get(CLIENTS).json());
        for (int newest = 0; newest < rows.size(); newest++) {
            String at = rows.get(newest).getString("created_at");
            assertEquals(newest + 1, count(a, CLIENTS + "&from=" + at), "from=" + at);
            assertEquals(rows.size() - newest, count(a, CLIENTS + "&to=" + at), "to=" + at);
        }
        // A day as from or to covers the whole UTC day; the calls were made today or (just after midnight) yesterday.
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        assertEquals(count(a, CLIENTS + "&from=" + today), count(a, CLIENTS + "&from=" + today + "&to=" + today));
        assertEquals(5, count(a, CLIENTS + "&from=" + yesterday + "&to=" + yesterday) + count(a, CLIENTS + "&from=" + today));
    }

    @Test
    void pagesKeepTheFiltersAndTheOrder() {
        List<String> all = results(a.get(CLIENTS).json()).stream().map(r -> r.getString("id")).toList();
        List<String> paged = new ArrayList<>();
        JsonObject page = a.get(CLIENTS + "&limit=2").json();
        assertEquals(5, page.getInt("count"));
        assertTrue(page.isNull("previous"));
        int pages = 1;
        while (true) {
            results(page).forEach(r -> paged.add(r.getString("id")));
            if (page.isNull("next")) {
                break;
            }
            String next = page.getString("next");
            assertTrue(next.contains("category=clients") && next.contains("limit=2"), next);
            page = a.get(next.substring(next.indexOf("/api/"))).json();
            assertFalse(page.isNull("previous"));
            pages++;
        }
        assertEquals(3, pages);
        assertEquals(all, paged);
        assertEquals(0, results(a.get(CLIENTS + "&offset=5").json()).size());
    }

    @Test
    void theSummaryAddsUpTheCalls() {
        String period = "&from=" + started + "&to=" + Instant.now().plusSeconds(60);
        JsonObject summary = a.get("/api/clients/usage/summary/?category=clients" + period).json();
        assertEquals(5, summary.getInt("calls"), summary::toString);
        assertEquals(1, summary.getInt("errors"));
        assertEquals(started, Instant.parse(summary.getString("from")));

        // Recompute each day from the rows: count, errors, mean and PostgreSQL's percentile_cont(0.95).
        Map<String, List<JsonObject>> byDay = new TreeMap<>();
        for (JsonObject row : results(a.get(CLIENTS).json())) {
            byDay.computeIfAbsent(Instant.parse(row.getString("created_at")).atOffset(ZoneOffset.UTC).toLocalDate().toString(),
                    day -> new ArrayList<>()).add(row);
        }
        List<JsonObject> days = results(summary);
        assertEquals(byDay.size(), days.size(), summary::toString);
        for (JsonObject day : days) {
            List<JsonObject> rows = byDay.get(day.getString("date"));
            assertEquals("clients", day.getString("endpoint"));
            assertEquals(rows.size(), day.getInt("calls"));
            assertEquals(rows.stream().filter(r -> r.getInt("status_code") >= 400).count(), day.getInt("errors"));
            double[] times = rows.stream().mapToDouble(r -> r.getJsonNumber("response_time_ms").doubleValue()).sorted().toArray();
            double mean = java.util.Arrays.stream(times).average().orElseThrow();
            double position = 0.95 * (times.length - 1);
            int below = (int) Math.floor(position);
            double p95 = times[below] + (position - below) * (times[Math.min(below + 1, times.length - 1)] - times[below]);
            assertEquals(mean, day.getJsonNumber("avg_response_time_ms").doubleValue(), 0.051, day::toString);
            assertEquals(p95, day.getJsonNumber("p95_response_time_ms").doubleValue(), 0.051, day::toString);
        }

        JsonObject everything = a.get("/api/clients/usage/summary" + "?" + period.substring(1)).json();
        List<String> categories = results(everything).stream().map(d -> d.getString("endpoint")).distinct().toList();
        assertTrue(categories.containsAll(List.of("clients", "recognition", "analytics")), categories::toString);
        JsonObject recognition = a.get("/api/clients/usage/summary/?category=recognition&status=4xx").json();
        assertEquals(1, recognition.getInt("calls"));
        assertEquals(1, recognition.getInt("errors"));

        JsonObject defaults = a.get("/api/clients/usage/summary/").json();
        assertEquals(LocalDate.now(ZoneOffset.UTC).minusDays(29).atStartOfDay().toInstant(ZoneOffset.UTC),
                Instant.parse(defaults.getString("from")), "the last 30 days by default");
    }

    @Test
    void aTenantSeesOnlyItsOwnUsage() {
        JsonObject page = b.get(CLIENTS).json();
        assertEquals(2, page.getInt("count"));
        for (JsonObject row : results(b.get("/api/clients/usage/?limit=200").json())) {
            String path = row.getJsonObject("metadata").getString("path");
            assertTrue(path.equals("/api/clients/users/") || path.startsWith("/api/clients/usage"), path);
        }
        assertEquals(0, count(b, "/api/clients/usage/?category=recognition"));
        assertEquals(2, b.get("/api/clients/usage/summary/?category=clients").json().getInt("calls"));
        assertEquals(5, count(a, CLIENTS), "A's count holds none of B's calls");
    }

    @Test
    void callsWithoutAClientAreNotRecorded() throws Exception {
        // B's calls came after these and are written, so these would be too, had they been queued.
        try (Connection db = DriverManager.getConnection(FaceGateServer.jdbcUrl(), "postgres", "");
             PreparedStatement query = db.prepareStatement("select count(*) from api_usage where metadata::text like ?")) {
            query.setString(1, "%" + marker + "%");
            try (ResultSet result = query.executeQuery()) {
                result.next();
                assertEquals(0, result.getInt(1));
            }
        }
    }

    @Test
    void malformedFiltersAreJson400s() {
        Map<String, String> refusals = Map.ofEntries(
                Map.entry("?status=abc", "invalid_status"),
                Map.entry("?status=6xx", "invalid_status"),
                Map.entry("?method=FETCH", "invalid_method"),
                Map.entry("?category=nope", "invalid_category"),
                Map.entry("?from=yesterday", "invalid_from"),
                Map.entry("?to=2025-13-01", "invalid_to"),
                Map.entry("?from=2025-10-13&to=2025-10-12", "invalid_date_range"),
                Map.entry("?limit=0", "invalid_limit"),
                Map.entry("?limit=abc", "invalid_limit"),
                Map.entry("?offset=-1", "invalid_offset"));
        refusals.forEach((query, code) -> {
            Api.Reply reply = a.get("/api/clients/usage/" + query);
            assertEquals(400, reply.status(), query + " " + reply);
            assertTrue(reply.contentType().startsWith("application/json"), reply::toString);
            assertEquals(code, reply.json().getString("error"), query);
            assertFalse(reply.json().getString("message").isBlank());
        });
        assertEquals(List.of("clients"), a.get("/api/clients/usage/?category=nope").json().getJsonObject("details")
                .getJsonArray("allowed").getValuesAs(jakarta.json.JsonString::getString).stream().filter("clients"::equals).toList());
        assertEquals("invalid_date_range", a.get("/api/clients/usage/summary/?from=2020-01-01&to=2025-01-01").json().getString("error"));
        assertEquals("invalid_status", a.get("/api/clients/usage/summary?status=999").json().getString("error"));
    }

    @Test
    void onlyAFullClientCredentialReadsUsage() {
        for (String path : new String[]{"/api/clients/usage", "/api/clients/usage/", "/api/clients/usage/summary", "/api/clients/usage/summary/"}) {
            assertEquals(200, a.get(path).status(), path);
            Api.Reply anonymous = Api.anonymous().get(path);
            assertEquals(401, anonymous.status(), path);
            assertEquals("unauthorized", anonymous.json().getString("error"));
        }
        String browserToken = Api.anonymous().post("/api/auth/client/", "{\"api_key\":\"" + tenantA.apiKey() + "\"}")
                .json().getString("jwt_token");
        assertEquals(403, Api.bearer(browserToken).get("/api/clients/usage/").status());
        assertEquals(403, Api.bearer(Tenants.adminToken()).get("/api/clients/usage/").status());
    }

    @Test
    void theRetentionPurgeDeletesOnlyRowsPastTheRetention() throws Exception {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        try (Connection db = DriverManager.getConnection(FaceGateServer.jdbcUrl(), "postgres", "");
             PreparedStatement insert = db.prepareStatement("insert into api_usage (id, client_id, endpoint, method, status_code,"
                     + " response_time_ms, metadata, created_at) values (?, ?, 'webhook', 'DELETE', 204, 3.5,"
                     + " '{\"path\": \"/api/webhooks/1/\"}', now() - make_interval(days => ?))")) {
            for (Object[] row : new Object[][]{{old, 91}, {recent, 89}}) {
                insert.setObject(1, row[0]);
                insert.setObject(2, UUID.fromString(tenantA.id()));
                insert.setInt(3, (Integer) row[1]);
                insert.executeUpdate();
            }
        }
        assertEquals(2, count(a, "/api/clients/usage/?category=webhook"));

        Api admin = Api.bearer(Tenants.adminToken());
        Api.Reply started = admin.post("/api/core/jobs/purge-api-usage", "");
        assertEquals(202, started.status(), started::toString);
        long id = started.json().getJsonNumber("execution_id").longValue();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonObject execution = started.json();
        while (!List.of("COMPLETED", "FAILED").contains(execution.getString("batch_status")) && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            execution = admin.get("/api/core/jobs/executions/" + id).json();
        }
        assertEquals("COMPLETED", execution.getString("batch_status"), execution::toString);
        assertTrue(execution.getString("exit_status").startsWith("DELETED "), execution::toString);

        List<JsonObject> left = results(a.get("/api/clients/usage/?category=webhook").json());
        assertEquals(List.of(recent.toString()), left.stream().map(r -> r.getString("id")).toList());
        assertEquals("/api/webhooks/1/", left.get(0).getJsonObject("metadata").getString("path"));
        assertEquals(5, count(a, CLIENTS), "today's calls are kept");
    }

    @Test
    void healthReportsTheRecorder() {
        JsonObject ready = Api.operations().get("/health/ready").json();
        JsonObject check = ready.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("usage-tracking")).findFirst()
                .orElseThrow(() -> new AssertionError(ready.toString()));
        assertEquals("UP", check.getString("status"));
        JsonObject data = check.getJsonObject("data");
        assertEquals(0, number(data, "dropped"));
        assertEquals(0, number(data, "failed"));
        assertTrue(number(data, "written") >= 10, data::toString);
    }

    @Test
    void theOpenApiDocumentListsTheEndpointsUnderAnalytics() {
        JsonObject paths = Api.anonymous().header("Accept", "application/json").get("/api/schema/").json().getJsonObject("paths");
        for (String path : new String[]{"/api/clients/usage", "/api/clients/usage/summary"}) {
            JsonArray tags = paths.getJsonObject(path).getJsonObject("get").getJsonArray("tags");
            assertEquals("Analytics", tags.getString(0), path);
        }
    }

    private static JsonObject awaitCount(Api api, String path, int expected) {
        Instant deadline = Instant.now().plusSeconds(20);
        JsonObject page;
        do {
            page = api.get(path).json();
            if (page.getInt("count") >= expected) {
                return page;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        } while (Instant.now().isBefore(deadline));
        return fail("usage rows did not appear in time at " + path + ": " + page);
    }

    /** Payara's health document may carry numbers as strings. */
    private static long number(JsonObject data, String name) {
        JsonValue value = data.get(name);
        return value instanceof jakarta.json.JsonNumber n ? n.longValue() : Long.parseLong(((jakarta.json.JsonString) value).getString());
    }

    private static int count(Api api, String path) {
        Api.Reply reply = api.get(path);
        assertEquals(200, reply.status(), path + " " + reply);
        return reply.json().getInt("count");
    }

    private static List<JsonObject> results(JsonObject page) {
        return page.getJsonArray("results").getValuesAs(JsonValue::asJsonObject);
    }

    private static JsonObject row(List<JsonObject> rows, String method) {
        return rows.stream().filter(r -> r.getString("method").equals(method)).findFirst().orElseThrow();
    }
}
