package io.facegate.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seed 004's security endpoints on the deployed EAR: every audited action (logins granted and
 * refused, logouts, enrollments, verifications, manual marks, erasures, spoof suspicions) leaves
 * an entry that the API can filter but not change, a client sees only its own, and entries leave
 * only through the retention job.
 */
@ExtendWith(FaceGateServer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityIT {

    private static final String PASSWORD = "Correct-Horse-Battery-9";
    private static final String AUDIT = "/api/v1/security/audit-logs/";
    private static final String INCIDENTS = "/api/v1/security/incidents/";
    private static final String CLIP = "camera-stream/frames_blink_vga/frame_%04d.jpg";

    private static Tenants.Tenant tenant;
    private static Api admin;
    private static Api stranger;
    private static Instant started;

    @BeforeAll
    static void tenants() {
        started = Instant.now().minusSeconds(1);
        tenant = Tenants.create("Audited College");
        admin = tenant.api();
        stranger = Tenants.create("Audit Stranger").api();
    }

    @Test
    @Order(1)
    void everyAuditedActionLeavesAnEntry() {
        person("AUD100", "auditee", "student");
        Api.Reply refused = login("auditee", "wrong-password");
        assertEquals(401, refused.status(), refused::toString);
        JsonObject tokens = login("auditee", PASSWORD).json();
        assertEquals(204, Api.bearer(tokens.getString("access")).post("/api/v1/auth/logout/",
                "{\"refresh\": \"" + tokens.getString("refresh") + "\"}").status());
        Api.Reply marked = admin.post("/api/v1/attendance/mark/", "{\"employee_id\": \"AUD100\", \"reason\": \"badge reader down\"}");
        assertEquals(201, marked.status(), marked::toString);

        // A face enrolled through a session, verified (the right face), refused (the wrong one), then erased.
        JsonObject enrollment = admin.create("/api/auth/enrollment/", "{\"user_id\":\"simm\",\"metadata\":{\"target_samples\":3}}");
        JsonObject last = null;
        for (String photo : List.of("000288_00470387.jpg", "000297_00470170.jpg", "000300_00470148.jpg", "000304_00470122.jpg")) {
            last = frame(enrollment.getString("session_token"), "identities/John_Simm/" + photo);
            if ("completed".equals(last.getString("session_status"))) {
                break;
            }
        }
        assertTrue(last.getBoolean("enrollment_complete"), last::toString);
        JsonObject verification = admin.create("/api/auth/authentication/", "{\"user_id\":\"simm\",\"require_liveness\":false}");
        assertEquals("success", frame(verification.getString("session_token"), "identities/John_Simm/000310_00470511.jpg").getString("result"));
        JsonObject wrong = admin.create("/api/auth/authentication/", "{\"user_id\":\"simm\",\"require_liveness\":false}");
        assertEquals("no_match", frame(wrong.getString("session_token"), "identities/John_Savage/000299_01099008.jpg")
                .getString("failure_reason"));
        String simmId = admin.get("/api/clients/users/?search=simm").json().getJsonArray("results").getJsonObject(0).getString("id");
        assertEquals(204, admin.delete("/api/clients/users/" + simmId + "/").status());

        List<JsonObject> entries = entries(AUDIT + "?page_size=200");
        Set<String> actions = entries.stream().map(e -> e.getString("action")).collect(Collectors.toSet());
        assertEquals(Set.of("api_login", "login", "logout", "manual_mark", "enrollment", "verification", "user_erasure"), actions,
                entries::toString);

        JsonObject granted = only(entries, e -> e.getString("action").equals("login") && e.getBoolean("success"));
        assertEquals("AUD100", granted.getString("user_id"));
        assertEquals("info", granted.getString("severity"));
        assertFalse(Instant.parse(granted.getString("timestamp")).isBefore(started));
        assertEquals("127.0.0.1", granted.getString("ip_address"), "the caller's address");
        assertTrue(granted.getString("user_agent").startsWith("Java-http-client/"), granted::toString);
        JsonObject denied = only(entries, e -> e.getString("action").equals("login") && !e.getBoolean("success"));
        assertEquals("warning", denied.getString("severity"));
        assertEquals("invalid_credentials", denied.getJsonObject("details").getString("reason"));
        assertEquals("AUD100", only(entries, e -> e.getString("action").equals("logout")).getString("user_id"));
        assertEquals("AUD100", only(entries, e -> e.getString("action").equals("manual_mark")).getString("user_id"));
        assertEquals("simm", only(entries, e -> e.getString("action").equals("enrollment")).getString("user_id"));
        List<JsonObject> verifications = entries.stream().filter(e -> e.getString("action").equals("verification")).toList();
        assertEquals(2, verifications.size(), verifications::toString);
        JsonObject failedVerification = only(verifications, e -> !e.getBoolean("success"));
        assertEquals("no_match", failedVerification.getJsonObject("details").getString("failure_reason"));
        assertTrue(only(verifications, e -> e.getBoolean("success")).getJsonObject("details").getJsonNumber("confidence").doubleValue() > 0.4);
        assertEquals("simm", only(entries, e -> e.getString("action").equals("user_erasure")).getString("user_id"));
        for (int i = 1; i < entries.size(); i++) {
            assertFalse(Instant.parse(entries.get(i).getString("timestamp")).isAfter(Instant.parse(entries.get(i - 1).getString("timestamp"))),
                    "newest first");
        }
    }

    @Test
    @Order(2)
    void filtersAndPagesAsTheSeed() {
        assertEquals(Set.of("login"), actions(entries(AUDIT + "?action=login")));
        assertEquals(Set.of("login", "logout", "manual_mark"), actions(entries(AUDIT + "?user_id=AUD100")));
        List<JsonObject> warnings = entries(AUDIT + "?severity=warning");
        assertEquals(2, warnings.size(), warnings::toString);
        assertTrue(warnings.stream().noneMatch(e -> e.getBoolean("success")));
        assertEquals(0, admin.get(AUDIT + "?date_from=" + Instant.now().plus(Duration.ofHours(1))).json().getInt("count"));
        // The seven facts above and the client's own login with its key and secret.
        assertEquals(9, admin.get(AUDIT + "?date_from=" + started.toString().substring(0, 10)).json().getInt("count"));
        JsonObject firstPage = admin.get(AUDIT + "?page_size=3").json();
        assertEquals(9, firstPage.getInt("count"));
        assertEquals(3, firstPage.getJsonArray("results").size());
        assertTrue(firstPage.getString("next").contains("page=2"), firstPage::toString);
        for (String bad : List.of("action=delete", "severity=fatal", "date_from=yesterday", "page=0", "page_size=1000")) {
            Api.Reply reply = admin.get(AUDIT + "?" + bad);
            assertEquals(400, reply.status(), bad + ": " + reply);
            assertTrue(reply.json().containsKey("error"), reply::toString);
        }
    }

    @Test
    @Order(3)
    void entriesCannotBeAlteredThroughTheApi() {
        JsonObject entry = entries(AUDIT + "?action=manual_mark").get(0);
        String one = AUDIT + entry.getJsonNumber("id").longValue() + "/";
        assertEquals(405, admin.put(AUDIT, "{\"results\": []}").status());
        assertEquals(405, admin.patch(AUDIT, "{}").status());
        assertEquals(405, admin.delete(AUDIT).status());
        for (Api.Reply reply : List.of(admin.put(one, "{\"success\": false}"), admin.patch(one, "{\"success\": false}"), admin.delete(one))) {
            assertTrue(reply.status() == 404 || reply.status() == 405, reply::toString);
        }
        assertEquals(entry, entries(AUDIT + "?action=manual_mark").get(0), "unchanged");
    }

    @Test
    @Order(4)
    void aClientSeesOnlyItsOwnAuditLogAndOnlyAdminsSeeIt() {
        assertEquals(Set.of("api_login"), actions(stranger.get(AUDIT).json().getJsonArray("results").getValuesAs(JsonObject.class)),
                "only the stranger's own login");
        assertEquals(0, stranger.get(AUDIT + "?user_id=AUD100").json().getInt("count"));
        Api student = Api.bearer(login("auditee", PASSWORD).json().getString("access"));
        assertEquals(403, student.get(AUDIT).status());
        assertEquals(401, Api.anonymous().get(AUDIT).status());
    }

    @Test
    @Order(5)
    void aSpoofSuspicionIsAuditedAsAWarning() {
        JsonObject enrollment = admin.create("/api/auth/enrollment/", "{\"user_id\":\"webcam\"}");
        JsonObject enrolled = null;
        for (int i = 1; i <= 10 && (enrolled == null || !"completed".equals(enrolled.getString("session_status"))); i++) {
            enrolled = frame(enrollment.getString("session_token"), String.format(CLIP, i * 7));
        }
        assertTrue(enrolled.getBoolean("enrollment_complete"), enrolled::toString);
        JsonObject still = admin.create("/api/auth/authentication/", "{\"user_id\":\"webcam\",\"require_liveness\":true}");
        // Frozen for over a second of frames is what marks a spoof (as in SessionsIT).
        long begun = System.nanoTime();
        for (int i = 0; i < 20 || System.nanoTime() - begun < 2_000_000_000L; i++) {
            frame(still.getString("session_token"), String.format(CLIP, 14));
        }
        List<JsonObject> spoofs = entries(AUDIT + "?action=spoof_suspected");
        assertEquals(1, spoofs.size(), spoofs::toString);
        JsonObject spoof = spoofs.get(0);
        assertEquals("webcam", spoof.getString("user_id"));
        assertEquals("warning", spoof.getString("severity"));
        assertEquals(still.getString("session_id"), spoof.getJsonObject("details").getString("session_id"));

        List<JsonObject> raised = admin.get(INCIDENTS + "?type=spoofing_attempt").json().getJsonArray("results").getValuesAs(JsonObject.class);
        assertEquals(1, raised.size(), raised::toString);
        JsonObject incident = raised.get(0);
        assertEquals("automatic", incident.getString("origin"));
        assertEquals("high", incident.getString("severity"));
        assertEquals("facegate", incident.getString("reported_by"));
        assertEquals(still.getString("session_id"), incident.getString("session_id"));
        assertTrue(incident.isNull("image_url"));
    }

    @Test
    @Order(7)
    void anIncidentIsReportedWithItsPhotoStoredInObjectStorage() throws Exception {
        String photo = "identities/John_Simm/000310_00470511.jpg";
        Api.Reply reported = admin.post("/api/v1/security/report-incident/", "{\"type\": \"tailgating\", \"timestamp\": \"2024-03-15T08:45:23Z\","
                + " \"description\": \"Two people through one badge\", \"severity\": \"medium\", \"image\": \"data:image/jpeg;base64,"
                + TestData.base64(photo) + "\"}");
        assertEquals(201, reported.status(), reported::toString);
        JsonObject incident = reported.json();
        assertEquals("tailgating", incident.getString("type"));
        assertEquals("2024-03-15T08:45:23Z", incident.getString("timestamp"));
        assertEquals("reported", incident.getString("origin"));
        assertEquals("client:" + tenant.id(), incident.getString("reported_by"));
        assertTrue(reported.raw().headers().firstValue("Location").orElseThrow().endsWith("/api/v1/security/incidents/" + incident.getString("id") + "/"));
        Api.Binary image = Api.fetch(admin.get(INCIDENTS + incident.getString("id") + "/").json().getString("image_url"));
        assertEquals(200, image.status());
        assertTrue(Arrays.equals(TestData.bytes(photo), image.body()), "the photo as sent, from S3");
        try (Connection db = FaceGateServer.database();
             PreparedStatement query = db.prepareStatement("select image_key, image_content_type from security_incident where id = ?")) {
            query.setObject(1, UUID.fromString(incident.getString("id")));
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next());
                assertEquals("incidents/" + tenant.id() + "/" + incident.getString("id") + ".jpeg", rows.getString(1));
                assertEquals("image/jpeg", rows.getString(2));
            }
        }
        JsonObject listed = admin.get(INCIDENTS + "?severity=medium").json();
        assertEquals(1, listed.getInt("count"), listed::toString);
        assertEquals(0, stranger.get(INCIDENTS).json().getInt("count"));
        assertEquals(404, stranger.get(INCIDENTS + incident.getString("id") + "/").status());

        String ok = "\"description\": \"x\", \"severity\": \"low\"";
        for (String bad : List.of("{\"type\": \"burglary\", " + ok + "}", "{\"type\": \"other\", \"description\": \"x\", \"severity\": \"dire\"}",
                "{\"type\": \"other\", " + ok + ", \"camera_id\": \"NO-SUCH-CAM\"}", "{\"type\": \"other\", " + ok + ", \"timestamp\": \""
                        + Instant.now().plus(Duration.ofDays(1)) + "\"}", "{\"type\": \"other\", \"severity\": \"low\"}",
                "{\"type\": \"other\", " + ok + ", \"image\": \"not base64!\"}")) {
            Api.Reply reply = admin.post("/api/v1/security/report-incident/", bad);
            assertEquals(400, reply.status(), bad + ": " + reply);
        }
        Api.Reply notAnImage = admin.post("/api/v1/security/report-incident/", "{\"type\": \"other\", " + ok + ", \"image\": \""
                + Base64.getEncoder().encodeToString("plain text, not a picture".getBytes()) + "\"}");
        assertEquals(415, notAnImage.status(), notAnImage::toString);
        assertEquals(1, admin.get(INCIDENTS + "?type=tailgating").json().getInt("count"), "refused reports leave nothing");
    }

    @Test
    @Order(8)
    void theOperationsPortListsFaceGatesMetrics() {
        String text = scrape();
        for (String metric : List.of("facegate_frames_analysed", "facegate_frames_dropped_stale", "facegate_frames_queued",
                "facegate_frames_running", "facegate_face_tasks_waiting", "facegate_webhook_backlog", "facegate_usage_queue",
                "facegate_usage_dropped", "facegate_cameras", "facegate_api_requests_per_minute", "facegate_api_response_time_avg",
                "facegate_api_error_rate")) {
            assertTrue(text.contains(metric), metric + " in " + text.lines().filter(l -> l.contains("facegate")).toList());
        }
        assertTrue(text.lines().anyMatch(l -> l.startsWith("facegate_cameras{") && l.contains("state=\"online\"")), "cameras by state");
        double before = streamFramesAnalysed(text);
        JsonObject session = admin.create("/api/auth/authentication/", "{\"user_id\":\"webcam\",\"require_liveness\":true}");
        try (StreamClient stream = StreamClient.connect(session.getString("websocket_url"))) {
            stream.next("connection_established");
            for (int i = 1; i <= 3; i++) {
                stream.sendFrame(String.format(CLIP, i), i);
                stream.next("frame_processed");
            }
        }
        assertTrue(streamFramesAnalysed(scrape()) >= before + 3, "three streamed frames counted after " + before);
    }

    private static String scrape() {
        Api.Reply scraped = Api.operations().get("/metrics");
        assertEquals(200, scraped.status(), scraped::toString);
        return scraped.body();
    }

    private static double streamFramesAnalysed(String text) {
        Matcher analysed = Pattern
                .compile("(?m)^facegate_frames_analysed[a-z_]*\\{[^}]*source=\"session_stream\"[^}]*\\} ([0-9.E+-]+)").matcher(text);
        assertTrue(analysed.find(), () -> text.lines().filter(l -> l.contains("frames_analysed")).toList().toString());
        return Double.parseDouble(analysed.group(1));
    }

    @Test
    @Order(9)
    void entriesLeaveOnlyThroughTheRetentionJob() throws Exception {
        long old;
        long kept;
        try (Connection db = FaceGateServer.database()) {
            old = insert(db, Instant.now().minus(Duration.ofDays(400)));
            kept = insert(db, Instant.now().minus(Duration.ofDays(300)));
        }
        JsonObject execution = BatchJobs.runToEnd("purge-audit-logs");
        assertEquals("COMPLETED", execution.getString("batch_status"), execution::toString);
        try (Connection db = FaceGateServer.database();
             PreparedStatement query = db.prepareStatement("select id from audit_log where id in (?, ?)")) {
            query.setLong(1, old);
            query.setLong(2, kept);
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next());
                assertEquals(kept, rows.getLong(1), "older than FACEGATE_AUDIT_RETENTION_DAYS (365) is purged, younger kept");
                assertFalse(rows.next());
            }
        }
    }

    @Test
    @Order(10)
    void configurationChangesAndKeyRotationsAreAuditedWithoutTheirValues() {
        assertEquals(200, admin.put("/api/v1/attendance/settings/", "{\"time_zone\": \"Europe/Paris\", \"debounce_seconds\": 600}").status());
        assertEquals(200, admin.put("/api/v1/reports/calendar/", "{\"working_days\": [\"monday\", \"tuesday\"], \"holidays\": []}").status());
        Api operator = Api.bearer(Tenants.adminToken());
        assertEquals(200, operator.patch("/api/core/clients/" + tenant.id() + "/", "{\"name\": \"Audited College II\"}").status());
        Api.Reply rotated = operator.post("/api/core/clients/" + tenant.id() + "/rotate-secret/", "");
        assertEquals(200, rotated.status(), rotated::toString);
        // The rotation ended the client's tokens: read the log with the new secret.
        admin = new Tenants.Tenant(tenant.id(), tenant.apiKey(), rotated.json().getString("api_secret")).api();

        List<JsonObject> changes = entries(AUDIT + "?action=configuration_change");
        assertEquals(List.of("client", "work_calendar", "attendance_settings"),
                changes.stream().map(e -> e.getJsonObject("details").getString("settings")).toList(), changes::toString);
        assertEquals("[\"name\"]", changes.get(0).getJsonObject("details").getJsonArray("fields").toString());
        assertFalse(changes.toString().contains("Europe/Paris"), "fields are named, values are not logged");
        JsonObject rotation = only(entries(AUDIT + "?action=key_rotation"), e -> true);
        assertEquals("api_secret", rotation.getJsonObject("details").getString("secret"));
        assertEquals("info", rotation.getString("severity"));
    }

    @Test
    @Order(11)
    void repeatedLivenessFailuresRaiseOneIncident() {
        // "webcam" was enrolled above; each session is held a still frame of the clip until its frame limit.
        List<String> failed = new ArrayList<>();
        long begun = System.nanoTime();
        for (int session = 0; session < 3; session++) {
            JsonObject opened = admin.create("/api/auth/authentication/", "{\"user_id\":\"webcam\",\"require_liveness\":true}");
            JsonObject last = null;
            for (int i = 0; i < 101 && (last == null || "processing".equals(last.getString("session_status"))); i++) {
                last = frame(opened.getString("session_token"), String.format(CLIP, 14));
            }
            assertEquals("liveness_failed", last.getString("failure_reason"), last::toString);
            failed.add(opened.getString("session_id"));
            List<JsonObject> raised = admin.get(INCIDENTS + "?type=liveness_failures").json().getJsonArray("results")
                    .getValuesAs(JsonObject.class);
            assertEquals(session < 2 ? 0 : 1, raised.size(), "after " + (session + 1) + " failed sessions: " + raised);
        }
        JsonObject incident = admin.get(INCIDENTS + "?type=liveness_failures").json().getJsonArray("results").getJsonObject(0);
        assertEquals("automatic", incident.getString("origin"));
        assertEquals("medium", incident.getString("severity"));
        assertEquals(failed.get(2), incident.getString("session_id"), "raised by the third failure");
        assertTrue(incident.getString("description").startsWith("3 sessions of webcam failed liveness"), incident::toString);
        assertEquals(0, stranger.get(INCIDENTS + "?type=liveness_failures").json().getInt("count"));
        System.out.printf("SecurityIT: 3 sessions failed liveness (a still frame until the frame limit) in %d s; one incident raised%n",
                (System.nanoTime() - begun) / 1_000_000_000);
    }

    @Test
    @Order(12)
    void loginsWithApiCredentialsAreAuditedGrantedOrRefusedWithTheCallersAddressAndAgent() throws Exception {
        Tenants.Tenant logins = Tenants.create("Login Audit College");
        Api.Reply wrongSecret = Api.anonymous().header("User-Agent", "audit-test/1.0").post("/api/core/auth/client/",
                "{\"api_key\":\"" + logins.apiKey() + "\",\"api_secret\":\"fgs_wrong\"}");
        assertEquals(401, wrongSecret.status(), wrongSecret::toString);
        JsonObject pair = Api.anonymous().header("User-Agent", "audit-test/1.0").post("/api/core/auth/client/",
                "{\"api_key\":\"" + logins.apiKey() + "\",\"api_secret\":\"" + logins.apiSecret() + "\"}").json();
        String refresh = "{\"refresh\": \"" + pair.getString("refresh") + "\"}";
        assertEquals(200, Api.anonymous().post("/api/core/auth/refresh/", refresh).status());
        assertEquals(401, Api.anonymous().post("/api/core/auth/refresh/", refresh).status(), "a replayed refresh token");
        assertEquals(200, Api.anonymous().post("/api/auth/client/", "{\"api_key\":\"" + logins.apiKey() + "\"}").status());

        // Headers, not a token: the replay above ended the login's tokens, and a new login would be one more entry.
        Api reader = Api.anonymous().header("X-API-Key", logins.apiKey()).header("X-API-Secret", logins.apiSecret());
        List<JsonObject> entries = reader.get(AUDIT + "?action=api_login").json().getJsonArray("results").getValuesAs(JsonObject.class);
        // Newest first: key alone, the replay, the refresh, key and secret, the wrong secret.
        assertEquals(List.of("api_key", "refresh_token", "refresh_token", "api_secret", "api_secret"),
                entries.stream().map(e -> e.getJsonObject("details").getString("credential")).toList(), entries::toString);
        assertEquals(List.of(true, false, true, true, false), entries.stream().map(e -> e.getBoolean("success")).toList());
        assertEquals("refresh_token_reused", entries.get(1).getJsonObject("details").getString("reason"));
        JsonObject refused = entries.get(4);
        assertEquals("invalid_credentials", refused.getJsonObject("details").getString("reason"));
        assertEquals("warning", refused.getString("severity"));
        assertEquals("audit-test/1.0", refused.getString("user_agent"));
        assertEquals("127.0.0.1", refused.getString("ip_address"));
        assertTrue(refused.isNull("user_id"), "a client's login names no person");
        assertEquals(1, stranger.get(AUDIT + "?action=api_login").json().getInt("count"), "each client sees only its own login");

        // The operator's admin-token logins are entries of no client.
        Instant before = Instant.now();
        assertEquals(401, Api.anonymous().post("/api/core/auth/admin/", "{\"admin_token\":\"fga_wrong\"}").status());
        Tenants.adminToken();
        try (Connection db = FaceGateServer.database();
             PreparedStatement query = db.prepareStatement("select success, details ->> 'credential', ip_address from audit_log"
                     + " where client_id is null and action = 'API_LOGIN' and occurred_at >= ? order by id")) {
            query.setTimestamp(1, Timestamp.from(before));
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next());
                assertFalse(rows.getBoolean(1));
                assertEquals("admin_token", rows.getString(2));
                assertEquals("127.0.0.1", rows.getString(3));
                assertTrue(rows.next());
                assertTrue(rows.getBoolean(1));
            }
        }
    }

    // --- helpers ---

    private static long insert(Connection db, Instant at) throws Exception {
        try (PreparedStatement insert = db.prepareStatement("insert into audit_log (client_id, occurred_at, action, success, severity)"
                + " values (?, ?, 'LOGIN', true, 'INFO') returning id")) {
            insert.setObject(1, UUID.fromString(tenant.id()));
            insert.setTimestamp(2, Timestamp.from(at));
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void person(String employeeId, String key, String role) {
        admin.create("/api/v1/users/", "{\"employee_id\": \"" + employeeId + "\", \"email\": \"" + key + "@college.example\","
                + " \"first_name\": \"" + key + "\", \"last_name\": \"Test\", \"role\": \"" + role + "\", \"password\": \"" + PASSWORD + "\"}");
    }

    private static Api.Reply login(String key, String password) {
        return Api.anonymous().post("/api/v1/auth/login/", "{\"email\": \"" + key + "@college.example\", \"password\": \"" + password
                + "\", \"api_key\": \"" + tenant.apiKey() + "\"}");
    }

    private static JsonObject frame(String token, String photo) {
        Api.Reply reply = admin.post("/api/auth/process-image/", "{\"session_token\":\"" + token + "\",\"image\":\"data:image/jpeg;base64,"
                + TestData.base64(photo) + "\"}");
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    private static List<JsonObject> entries(String path) {
        Api.Reply reply = admin.get(path);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().getJsonArray("results").getValuesAs(JsonObject.class);
    }

    private static Set<String> actions(List<JsonObject> entries) {
        return entries.stream().map(e -> e.getString("action")).collect(Collectors.toSet());
    }

    private static JsonObject only(List<JsonObject> entries, Predicate<JsonObject> which) {
        List<JsonObject> matching = entries.stream().filter(which).toList();
        assertEquals(1, matching.size(), entries::toString);
        return matching.get(0);
    }
}
