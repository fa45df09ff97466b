package io.facegate.it;

import io.facegate.cameras.Esp32Emulator;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console at {@code /console/} in Debian's headless Chromium ({@code console-scenario.mjs}): the
 * operator creates a client, its tenant admin creates two people, enrolls one from Chromium's fake
 * webcam (through the browser client library, the webcam playing the clip the camera plays) and the
 * other from photos, sees their profile pictures, adds a
 * webhook endpoint and a camera pointed at the emulated ESP32 playing the first, and sees the
 * detection and the attendance arrive live in other tabs; then the preview, test, health, charts,
 * the webhook log with a replay, and the person's own attendance on a phone. axe-core finds nothing
 * on any view, no CSP violation and no page error happen, and no credential is kept in browser
 * storage. The event stream itself is checked over HTTP: it needs a client's credentials, asks for
 * {@code text/event-stream}, and shows a tenant nothing of another's. Then the operator and that
 * tenant's admin open every view of theirs in Debian's headless Firefox ESR ({@code firefox-scenario.mjs},
 * puppeteer-core over WebDriver BiDi), pictures included. Screenshots go to {@code target/e2e-screenshots/console-*.png}.
 */
@ExtendWith(FaceGateServer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {

    private static final long SCENARIO_TIMEOUT_SECONDS = 420;
    private static final long FIREFOX_TIMEOUT_SECONDS = 240;
    private static final String CLIENT_NAME = "Console Co";
    /** Photos of the second person, enrolled from uploads (AttendanceIT enrolls the same). */
    private static final List<String> PHOTOS = List.of("John_Simm/000288_00470387.jpg", "John_Simm/000297_00470170.jpg",
            "John_Simm/000300_00470148.jpg");
    /** What the fake webcam plays: the ESP32 emulator's clip, so the person enrolled from it is the one the camera sees. */
    private static final String WEBCAM_CLIP = "camera-stream/esp32cam_blink_vga_10fps.mjpeg";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** The client the Chromium scenario created and filled (api_key, api_secret), which Firefox then opens. */
    private static JsonObject consoleClient;

    @BeforeAll
    static void prerequisites() {
        assertTrue(E2eNode.installed(), "run .ci/install-test-prerequisites (npm ci in ear/src/test/e2e) before the integration tests");
    }

    @Test
    @Order(1)
    void servesTheConsoleWithAStrictPolicyAndNoInlineScript() {
        Api.Reply page = Api.anonymous().get("/console/");
        assertEquals(200, page.status(), page::toString);
        String policy = page.raw().headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("script-src 'self';") && policy.contains("connect-src 'self';")
                && policy.contains("frame-ancestors 'none'") && !policy.contains("unsafe"), policy);
        // Every script is a file of the console's own: no inline script, no inline handler.
        Matcher scripts = Pattern.compile("<script\\b([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(page.body());
        int count = 0;
        while (scripts.find()) {
            count++;
            assertTrue(scripts.group(1).contains("src=\"") && scripts.group(2).isBlank(), scripts.group());
        }
        assertEquals(2, count, "Chart.js and the console's module");
        assertFalse(Pattern.compile("\\son[a-z]+=", Pattern.CASE_INSENSITIVE).matcher(page.body()).find(), "no inline event handler");
        for (String file : List.of("/console/console.js", "/console/views/cameras.js", "/console/vendor/chart.js-4.5.1/chart.umd.min.js")) {
            Api.Reply reply = Api.anonymous().get(file);
            assertEquals(200, reply.status(), file);
            assertTrue(reply.contentType().contains("javascript"), file + " is served as " + reply.contentType());
        }
        assertTrue(Api.anonymous().get("/console/vendor/chart.js-4.5.1/LICENSE.md").body().contains("MIT"), "Chart.js's license is served with it");
    }

    @Test
    @Order(2)
    void theEventStreamCarriesATenantsOwnFactsToItsOwnCredentialsOnly() throws Exception {
        Tenants.Tenant tenant = Tenants.create("Console Stream Co");
        assertEquals(401, stream(null).statusCode());
        String browserToken = Api.anonymous().post("/api/auth/client/", "{\"api_key\":\"" + tenant.apiKey() + "\"}").json().getString("jwt_token");
        assertEquals(403, stream(browserToken).statusCode(), "a browser token may only run sessions");
        assertEquals(403, stream(Tenants.adminToken()).statusCode(), "the operator has no tenant");
        Api.Reply plain = tenant.api().get("/api/v1/events/");
        assertEquals(406, plain.status(), "a client that does not ask for an event stream would wait on it forever: " + plain);
        assertEquals("not_acceptable", plain.json().getString("error"));

        Tenants.Tenant stranger = Tenants.create("Console Stream Stranger Co");
        LineCollector own = LineCollector.open(tenant.login());
        LineCollector strangers = LineCollector.open(stranger.login());
        Api api = tenant.api();
        try (Esp32Emulator camera = new Esp32Emulator(BlinkPerson.FRAMES)) {
            camera.play(BlinkPerson.FRAMES, true);
            api.create("/api/v1/cameras/", "{\"id\": \"STREAM-1\", \"name\": \"Stream\", \"stream_url\": \"" + camera.streamUrl() + "\"}");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!(own.lines.contains("event: camera") && own.lines.contains("event: detection")) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            api.patch("/api/v1/cameras/STREAM-1/", "{\"is_active\": false}");
        } finally {
            own.close();
            strangers.close();
        }
        List<String> data = own.lines.stream().filter(line -> line.startsWith("data: ")).toList();
        assertTrue(own.lines.contains("event: camera") && data.stream().anyMatch(d -> d.contains("\"camera_id\":\"STREAM-1\"")
                && d.contains("\"status\":\"online\"")), "the camera going online, live: " + own.lines);
        assertTrue(own.lines.contains("event: detection") && data.stream().anyMatch(d -> d.contains("\"first_report\":true")),
                "the face it saw, live: " + own.lines);
        assertEquals("event: ready", strangers.lines.stream().filter(line -> line.startsWith("event: ")).findFirst().orElse(""), strangers.lines::toString);
        assertEquals(1, strangers.lines.stream().filter(line -> line.startsWith("event: ")).count(),
                "another tenant's stream saw nothing of this one: " + strangers.lines);
    }

    @Test
    @Order(3)
    void operatorTenantAdminAndPersonUseTheConsoleInChromium() throws Exception {
        List<String> photoFiles = PHOTOS.stream().map(photo -> TestData.path("identities/" + photo).toAbsolutePath().toString()).toList();
        JsonObject report;
        try (Esp32Emulator camera = new Esp32Emulator(BlinkPerson.FRAMES); WebhookReceiver receiver = WebhookReceiver.start()) {
            camera.play(BlinkPerson.FRAMES, true);
            E2eNode.Run run = E2eNode.run(List.of("console-scenario.mjs", "--base-url", FaceGateServer.baseUrl(),
                    "--admin-token", FaceGateServer.ADMIN_TOKEN, "--client-name", CLIENT_NAME, "--camera-url", camera.streamUrl(),
                    "--webhook-url", receiver.url("/console-hook"), "--photos", String.join(",", photoFiles),
                    "--webcam-clip", TestData.path(WEBCAM_CLIP).toAbsolutePath().toString(), "--work-dir", E2eNode.WORK.toString(),
                    "--screenshots", E2eNode.SCREENSHOTS.toString(), "--timeout-seconds", "90"), "console", SCENARIO_TIMEOUT_SECONDS);
            assertEquals(0, run.exitCode(), run.output());
            report = run.report();
            System.out.println("ConsoleIT: " + report);
            assertFalse(report.containsKey("harness_error"), report::toString);

            // The replayed ping reached the receiver twice, with the same webhook-id.
            Map<String, Long> pings = receiver.await(d -> d.type().equals("ping"), 2, Duration.ofSeconds(20)).stream()
                    .collect(Collectors.groupingBy(WebhookReceiver.Delivery::id, Collectors.counting()));
            assertEquals(List.of(2L), List.copyOf(pings.values()), "one ping delivered, then replayed: " + pings);
            receiver.received().forEach(delivery -> {
                try {
                    delivery.verify(report.getString("webhook_secret"));
                } catch (Exception e) {
                    throw new AssertionError("a delivery's signature does not verify with the secret the console showed", e);
                }
            });
        }

        assertEquals(List.of(), E2eNode.strings(report.getJsonArray("page_errors")), "uncaught errors in the console");
        assertEquals(List.of(), E2eNode.strings(report.getJsonArray("csp_violations")), "Content-Security-Policy violations");
        assertEquals(List.of(), E2eNode.strings(report.getJsonArray("console_errors")), "errors in the browser console");
        JsonObject accessibility = report.getJsonObject("accessibility_violations");
        assertTrue(accessibility.keySet().containsAll(List.of("sign-in", "operator-clients", "operator-system", "people-webcam", "people",
                "detections", "attendance", "attendance-phone", "camera-preview", "camera-health", "reports", "webhooks", "audit", "sessions",
                "usage", "person", "check-in-phone")), "axe-core ran on every view: " + accessibility.keySet());
        accessibility.forEach((view, violations) -> assertEquals(List.of(), E2eNode.strings(violations.asJsonArray()),
                "axe-core WCAG 2 A/AA findings on " + view));
        for (JsonValue kept : report.getJsonArray("storage")) {
            JsonObject storage = kept.asJsonObject();
            assertEquals(0, storage.getInt("local_entries"), storage::toString);
            assertEquals(0, storage.getInt("session_entries"), storage::toString);
            assertEquals("", storage.getString("cookies"), storage::toString);
            assertFalse(storage.getBoolean("holds_a_credential"), storage::toString);
        }
        assertTrue(report.getInt("authorizations_seen") >= 3, "the console sends bearer tokens (operator, tenant, person): " + report);

        // What the console showed, against the server's own records.
        assertTrue(report.getBoolean("operator_signed_out"), report::toString);
        assertTrue(report.getInt("health_services") >= 5, "probed dependencies and the queues: " + report);
        assertTrue(strings(report.getJsonArray("system_charts")).stream().anyMatch(c -> c.startsWith("Frames analysed per second"))
                && strings(report.getJsonArray("system_charts")).stream().anyMatch(c -> c.startsWith("Work waiting")), report::toString);
        assertTrue(strings(report.getJsonArray("job_executions")).stream().anyMatch(row -> row.contains("attendance-report")
                && row.contains("COMPLETED")), "the PDF's job among the operator's batch job executions: " + report.get("job_executions"));
        Matcher cameras = Pattern.compile("(\\d+) online, (\\d+) offline").matcher(report.getString("camera_counts"));
        assertTrue(cameras.matches() && Integer.parseInt(cameras.group(1)) + Integer.parseInt(cameras.group(2)) >= 1,
                "the operator counts the tenant's camera: " + report.getString("camera_counts"));
        JsonObject reports = report.getJsonObject("reports");
        assertTrue(reports.getString("json").matches("RPT_\\d{8}_\\d{3}: .* 2 people, attendance rate .*"), reports::toString);
        assertTrue(reports.getString("progress").endsWith(": completed"), reports::toString);
        assertTrue(strings(reports.getJsonArray("history")).stream().anyMatch(row -> row.contains("pdf") && row.contains("completed")
                && row.contains("Download")), reports::toString);
        assertEquals(200, reports.getJsonObject("download").getInt("status"), reports::toString);
        assertEquals("%PDF", reports.getJsonObject("download").getString("magic"), "the presigned link serves the PDF");
        assertTrue(report.getString("webcam_enrollment").contains("is enrolled from the webcam"), report::toString);
        assertTrue(report.getBoolean("webcam_released"), "the webcam is released once enrolled");
        assertTrue(report.getString("enrollment").contains("is enrolled"), report::toString);
        assertEquals("enrolled", report.getJsonObject("face_badges").getString("CON001"), report::toString);
        assertEquals("enrolled", report.getJsonObject("face_badges").getString("CON002"), report::toString);
        List<String> pictures = strings(report.getJsonArray("profile_pictures"));
        assertTrue(pictures.size() == 2 && pictures.stream().allMatch(p -> p.matches("Profile picture of .+: [1-9]\\d*x[1-9]\\d*")),
                "both people's profile pictures loaded: " + pictures);
        assertTrue(report.getString("webhook_test").startsWith("Test ping delivered"), report::toString);
        assertTrue(report.getString("board_before").endsWith(": 0"), report::toString);
        assertTrue(report.getString("board_after").endsWith(": 1"), report::toString);
        assertEquals("Blink Clip", report.getJsonObject("detection").getString("who"), report::toString);
        assertEquals(1, report.getJsonObject("detection").getInt("reloads"), "the detection arrived without reloading the page");
        assertTrue(report.getInt("preview_frames") >= 3, report::toString);
        assertEquals("640x480", report.getString("preview_size"));
        assertTrue(report.getString("camera_test").contains("640x480"), report::toString);
        assertEquals("CON002 was marked present.", report.getString("manual_mark"), report::toString);
        assertTrue(strings(report.getJsonArray("delivery_events")).containsAll(List.of("attendance_logged", "camera.online", "detection.created", "ping")),
                report::toString);
        JsonObject person = report.getJsonObject("person");
        assertEquals(List.of("My attendance"), strings(person.getJsonArray("views")), "a student opens only their own attendance");
        assertFalse(strings(person.getJsonArray("logged")).isEmpty(), person::toString);
        assertTrue(strings(person.getJsonArray("logged")).stream().allMatch("Blink Clip"::equals), "only their own logs: " + person);
        assertFalse(person.getBoolean("horizontal_overflow"), "the person's view fits a 390 px wide phone");
        assertEquals("Check in now", person.getString("check_in_focused"), "opening the camera moves the focus to the check-in button");
        assertTrue(person.getString("check_in").matches("(Checked in|Already checked in within the last attendance window) \\(similarity .*"),
                "the selfie from the fake webcam checks the person in: " + person);
        assertFalse(person.getBoolean("check_in_overflow"), person::toString);
        assertTrue(person.getBoolean("camera_released"), person::toString);
        assertFalse(report.getBoolean("board_horizontal_overflow"), "the attendance board fits a 390 px wide phone");
        assertEquals("Skip to the content", report.getString("first_tab_stop"));
        assertEquals("view-heading", report.getString("focus_after_keyboard_navigation"), "a view opened by keyboard takes the focus");

        // The audit log, filtered, and the incidents a page at a time.
        assertEquals(List.of(201), report.getJsonArray("incidents_reported").getValuesAs(JsonNumber.class).stream()
                .map(JsonNumber::intValue).distinct().toList(), report::toString);
        JsonObject audit = report.getJsonObject("audit");
        assertTrue(strings(audit.getJsonArray("enrollments")).containsAll(List.of("CON001", "CON002")),
                "both enrollments, from the webcam and from photos, are audited: " + audit);
        assertEquals(List.of("CON002"), strings(audit.getJsonArray("manual_marks")), audit::toString);
        JsonObject incidents = report.getJsonObject("incidents");
        assertEquals(20, incidents.getInt("first_page"), incidents::toString);
        assertEquals("Page 1 of 2", incidents.getString("position"));
        assertEquals("Page 2 of 2", incidents.getString("second_position"));
        assertEquals(1, incidents.getJsonArray("second_page").size(), incidents::toString);
        assertTrue(incidents.getBoolean("next_disabled"), incidents::toString);

        JsonObject client = report.getJsonObject("client");
        consoleClient = client;
        Api tenant = new Tenants.Tenant(null, client.getString("api_key"), client.getString("api_secret")).api();
        // The profile picture's presigned link serves the image; another tenant does not find the person at all.
        JsonObject enrolled = tenant.get("/api/v1/users/?search=CON001").json().getJsonArray("results").getJsonObject(0);
        HttpResponse<byte[]> picture = HTTP.send(HttpRequest.newBuilder(URI.create(enrolled.getString("profile_image_url"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, picture.statusCode());
        assertEquals("image/jpeg", picture.headers().firstValue("Content-Type").orElse(""));
        assertEquals(0xFF, picture.body()[0] & 0xFF, "a JPEG");
        Api stranger = Tenants.create("Console Stranger Co").api();
        assertEquals(404, stranger.get("/api/v1/users/" + enrolled.getString("id") + "/").status());
        assertEquals(0, stranger.get("/api/v1/users/?search=CON001").json().getInt("count"));

        JsonObject matched = tenant.get("/api/v1/detections/?camera_id=DOOR-C&status=MATCHED").json();
        assertTrue(matched.getInt("count") >= 1, matched::toString);
        assertEquals("CON001", matched.getJsonArray("results").getJsonObject(0).getString("external_user_id"));
        JsonArray logs = tenant.get("/api/v1/attendance/logs/").json().getJsonArray("results");
        assertTrue(logs.stream().anyMatch(l -> l.asJsonObject().getString("source").equals("manual")
                && l.asJsonObject().getJsonObject("employee").getString("employee_id").equals("CON002")), logs::toString);
        tenant.patch("/api/v1/cameras/DOOR-C/", "{\"is_active\": false}");

        JsonObject streams = report.getJsonObject("event_streams_opened");
        assertEquals(1, streams.getInt("detections"), "the live tabs kept their one stream open (no reconnection loop): " + streams);
        assertEquals(1, streams.getInt("attendance"), streams::toString);
        System.out.printf("ConsoleIT: camera online %.1f s and its person's detection live %.1f s after it was added%n",
                report.getJsonNumber("seconds_to_online").doubleValue(), report.getJsonNumber("seconds_to_live_detection").doubleValue());
    }

    @Test
    @Order(4)
    void operatorAndTenantAdminOpenEveryViewInFirefox() throws Exception {
        assertTrue(Files.isExecutable(Path.of("/usr/bin/firefox-esr")) && Files.isDirectory(E2eNode.E2E.resolve("node_modules/puppeteer-core")),
                "run .ci/install-test-prerequisites (firefox-esr, npm ci in ear/src/test/e2e) before the integration tests");
        assertNotNull(consoleClient, "the Chromium scenario made the client whose console Firefox opens");
        Tenants.Tenant tenant = new Tenants.Tenant(null, consoleClient.getString("api_key"), consoleClient.getString("api_secret"));
        E2eNode.Run run = E2eNode.run(List.of("firefox-scenario.mjs", "--base-url", FaceGateServer.baseUrl(),
                "--admin-token", FaceGateServer.ADMIN_TOKEN, "--api-key", tenant.apiKey(), "--api-secret", tenant.apiSecret(),
                "--screenshots", E2eNode.SCREENSHOTS.toString()), "console-firefox", FIREFOX_TIMEOUT_SECONDS);
        assertEquals(0, run.exitCode(), run.output());
        JsonObject report = run.report();
        System.out.println("ConsoleIT (Firefox): " + report);
        assertFalse(report.containsKey("harness_error"), report::toString);
        assertTrue(report.getString("browser").startsWith("firefox/"), report::toString);
        assertEquals(List.of("operator-clients", "operator-system", "tenant-detections", "tenant-cameras", "tenant-attendance", "tenant-reports",
                "tenant-people", "tenant-sessions", "tenant-webhooks", "tenant-usage", "tenant-audit"), List.copyOf(report.getJsonObject("views").keySet()));
        report.getJsonObject("views").forEach((view, shown) -> {
            assertEquals(JsonValue.NULL, shown.asJsonObject().get("error"), "the view announced an error in Firefox: " + view + " " + shown);
            assertEquals(shown.asJsonObject().getInt("pictures"), shown.asJsonObject().getInt("pictures_shown"), "a picture did not load: " + view);
        });
        assertEquals(2, report.getJsonObject("views").getJsonObject("tenant-people").getInt("pictures_shown"), "both profile pictures");
        assertTrue(report.getJsonObject("views").getJsonObject("tenant-detections").getInt("pictures_shown") >= 1, "face crops");
        assertTrue(report.getBoolean("live"), "the live feed connects in Firefox");
        assertEquals(0, report.getInt("storage_entries"), "nothing kept in browser storage");
        assertEquals(List.of(), strings(report.getJsonArray("page_errors")), "uncaught errors in Firefox");
        assertEquals(List.of(), strings(report.getJsonArray("console_errors")), "errors in Firefox's console (CSP violations included)");
        report.getJsonObject("accessibility_violations").forEach((view, violations) -> assertEquals(List.of(),
                strings(violations.asJsonArray()), "axe-core WCAG 2 A/AA findings in Firefox on " + view));
    }

    private static List<String> strings(JsonArray array) {
        return E2eNode.strings(array);
    }

    private static HttpRequest streamRequest(String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(FaceGateServer.baseUrl() + "/api/v1/events/"))
                .header("Accept", "text/event-stream");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    /** A refused stream's status (an accepted one would not end: only refusals are asked for here). */
    private static HttpResponse<String> stream(String token) throws Exception {
        return HTTP.send(streamRequest(token), HttpResponse.BodyHandlers.ofString());
    }

    /** Keeps the lines of a stream as they arrive, until closed. */
    private static final class LineCollector implements Flow.Subscriber<String> {

        /** Opens the client's event stream. */
        static LineCollector open(String token) {
            LineCollector collector = new LineCollector();
            HTTP.sendAsync(streamRequest(token), HttpResponse.BodyHandlers.fromLineSubscriber(collector));
            return collector;
        }

        final List<String> lines = new CopyOnWriteArrayList<>();
        private volatile Flow.Subscription subscription;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            lines.add(line);
        }

        @Override
        public void onError(Throwable throwable) {
        }

        @Override
        public void onComplete() {
        }

        /** Closes the connection (the server notices at its next write). */
        void close() {
            if (subscription != null) {
                subscription.cancel();
            }
        }
    }
}
