package io.facegate.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seed 003's browser side in real headless Chromium (Debian's, driven by playwright-core from
 * {@code src/test/e2e}): first the client library's protocol rules, then the demo page at
 * {@code /demo/} on this server, its fake webcam playing real clips. The person of a webcam selfie
 * enrolls, is then verified with liveness required, and a still photo of the same person is
 * refused for lack of liveness. Screenshots go to {@code target/e2e-screenshots/}.
 */
@ExtendWith(FaceGateServer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserDemoIT {

    private static final Path WORK = E2eNode.WORK;
    private static final Path SCREENSHOTS = E2eNode.SCREENSHOTS;
    private static final String PERSON = "webcam-selfie";
    /** A person filmed by a webcam, blinking and moving. */
    private static final String LIVE_CLIP = "liveness/real_blink/liveportrait_d9_webcam_selfie.mp4";
    /** The first frame of the same clip held for 5 s: no blink, no motion. */
    private static final String STILL_CLIP = "liveness/synthetic_static/static_photo_5s_no_blink_no_motion.mp4";
    private static final long SCENARIO_TIMEOUT_SECONDS = 240;

    private static Tenants.Tenant tenant;

    @BeforeAll
    static void prerequisites() {
        assertTrue(E2eNode.installed(),
                "run .ci/install-test-prerequisites (npm ci in ear/src/test/e2e) before the integration tests");
        tenant = Tenants.create("Browser Demo Co");
    }

    @Test
    @Order(1)
    void servesTheDemoAndTheLibraryToAnyoneWithTheirSecurityHeaders() {
        Api.Reply page = Api.anonymous().get("/demo/");
        assertEquals(200, page.status(), page::toString);
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        assertTrue(page.body().contains("<script type=\"module\" src=\"demo.js\">"), page.body());
        String policy = page.raw().headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("script-src 'self'") && policy.contains("connect-src 'self'")
                && policy.contains("frame-ancestors 'none'"), policy);
        assertEquals("camera=(self), microphone=(), geolocation=()", page.raw().headers().firstValue("Permissions-Policy").orElse(""));
        assertEquals("no-referrer", page.raw().headers().firstValue("Referrer-Policy").orElse(""));

        for (String script : List.of("/demo/demo.js", "/js/facegate-client.js")) {
            Api.Reply reply = Api.anonymous().get(script);
            assertEquals(200, reply.status(), script + " " + reply);
            assertTrue(reply.contentType().contains("javascript"), script + " is served as " + reply.contentType());
            assertEquals("nosniff", reply.raw().headers().firstValue("X-Content-Type-Options").orElse(""));
        }
        assertTrue(Api.anonymous().get("/js/facegate-client.js").body().contains("export class FaceAuthClient"));
    }

    @Test
    @Order(2)
    void clientLibraryKeepsSeed003sRulesInChromium() throws Exception {
        E2eNode.Run run = node(List.of("--test", "client-library.test.mjs"), "client-library");
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("\n# fail 0"), run.output());
        assertFalse(run.output().contains("\n# pass 0"), run.output());
    }

    @Test
    @Order(3)
    void enrollsThePersonInFrontOfTheWebcam() throws Exception {
        JsonObject report = scenario("enroll", "enroll", PERSON, LIVE_CLIP, true, true);
        assertCleanPage(report);
        JsonObject page = report.getJsonObject("page");
        assertEquals("success", page.getString("outcome"), report::toString);
        assertEquals(100, page.getInt("progress"));
        assertEquals(PERSON, page.getString("result_user"));
        assertTrue(page.getString("result_encrypted").startsWith("received, AES-256-CBC"), page::toString);
        JsonObject result = ResultDecryption.decrypt(page.getJsonObject("encrypted_data"), tenant.apiSecret());
        assertEquals("enrollment", result.getString("session_type"));
        assertEquals(report.getJsonObject("completion").getString("enrollment_id"), result.getString("id"));
        assertTrue(page.getBoolean("camera_released"), "the camera is switched off after the session");
        assertEquals(List.of(), strings(report.getJsonArray("accessibility_violations")), "axe-core WCAG 2 A/AA findings");

        JsonObject users = tenant.api().get("/api/clients/users/?search=" + PERSON).json();
        assertEquals(1, users.getInt("count"), users::toString);
        assertTrue(users.getJsonArray("results").getJsonObject(0).getBoolean("is_enrolled"), users::toString);
    }

    @Test
    @Order(4)
    void verifiesTheSamePersonWithLivenessRequired() throws Exception {
        JsonObject report = scenario("verify-live", "verify", PERSON, LIVE_CLIP, true, false);
        assertCleanPage(report);
        JsonObject page = report.getJsonObject("page");
        assertEquals("success", page.getString("outcome"), report::toString);
        assertEquals(PERSON, page.getString("result_user"));
        assertEquals("yes", page.getString("result_liveness"), page::toString);
        JsonObject completion = report.getJsonObject("completion");
        assertTrue(completion.getBoolean("authenticated"), completion::toString);
        assertTrue(completion.getBoolean("liveness_verified"), completion::toString);
        JsonObject result = ResultDecryption.decrypt(page.getJsonObject("encrypted_data"), tenant.apiSecret());
        assertEquals(PERSON, result.getString("id"));
        assertEquals("verification", result.getString("session_type"));
        assertEquals(completion.getJsonNumber("confidence").doubleValue(), result.getJsonNumber("confidence").doubleValue(), 1e-9);

        JsonObject session = latestVerification();
        assertEquals("completed", session.getString("status"), session::toString);
        assertTrue(session.getBoolean("require_liveness"));
        assertTrue(session.getBoolean("liveness_verified"), session::toString);
    }

    @Test
    @Order(5)
    void refusesAStillPhotoOfThatPersonForLackOfLiveness() throws Exception {
        JsonObject report = scenario("verify-still", "verify", PERSON, STILL_CLIP, true, false);
        assertCleanPage(report);
        JsonObject page = report.getJsonObject("page");
        assertEquals("failure", page.getString("outcome"), report::toString);
        assertTrue(page.isNull("encrypted_data"), "a refused session reveals nothing encrypted");
        assertEquals("none", page.getString("result_encrypted"));
        JsonObject completion = report.getJsonObject("completion");
        assertFalse(completion.getBoolean("authenticated"), completion::toString);
        assertFalse(completion.getBoolean("liveness_verified"), completion::toString);
        assertTrue(strings(report.getJsonArray("instructions")).stream().anyMatch(i -> i.contains("blink")),
                "the page asked the person to blink: " + report.getJsonArray("instructions"));
        assertTrue(strings(page.getJsonArray("activity")).stream().anyMatch(a -> a.startsWith("Prompt: ") && a.contains("blink")),
                "the prompt was shown on the page: " + page.getJsonArray("activity"));

        JsonObject session = latestVerification();
        assertEquals("failed", session.getString("status"), session::toString);
        assertFalse(session.getBoolean("liveness_verified"), session::toString);
    }

    @Test
    @Order(6)
    void anIntegratorsPageOnItsOwnOriginUsesTheKeyOnlyWhereTheClientAllowsIt() throws Exception {
        JsonObject open = crossOrigin(tenant, "cors-open");
        assertTrue(open.getBoolean("import_ok"), "the library is importable across origins: " + open);
        assertTrue(open.isNull("error"), open::toString);
        assertEquals("enrollment", open.getJsonObject("created").getString("session_type"), open::toString);

        Tenants.Tenant guarded = Tenants.create("Cross-Origin Guarded Co");
        assertEquals(200, Api.bearer(Tenants.adminToken()).patch("/api/core/clients/" + guarded.id() + "/",
                "{\"allowed_origins\":[\"https://shop.guarded.example\"]}").status());
        JsonObject refused = crossOrigin(guarded, "cors-guarded");
        assertTrue(refused.isNull("created"), refused::toString);
        assertEquals(403, refused.getJsonObject("error").getInt("status"), "the page can read the refusal: " + refused);
        assertEquals("origin_not_allowed", refused.getJsonObject("error").getString("code"), refused::toString);

        String pageOrigin = refused.getString("page_origin");
        assertEquals(200, Api.bearer(Tenants.adminToken()).patch("/api/core/clients/" + guarded.id() + "/",
                "{\"allowed_origins\":[\"https://shop.guarded.example\", \"" + pageOrigin + "\"]}").status());
        JsonObject allowed = crossOrigin(guarded, "cors-allowed", pageOrigin);
        assertTrue(allowed.isNull("error"), allowed::toString);
        assertTrue(allowed.getJsonObject("created").getBoolean("has_token"), allowed::toString);
    }

    private static JsonObject crossOrigin(Tenants.Tenant client, String name) throws Exception {
        return crossOrigin(client, name, null);
    }

    /** Runs cross-origin.mjs: a page on its own 127.0.0.1 port (the same one again when {@code origin} is given). */
    private static JsonObject crossOrigin(Tenants.Tenant client, String name, String origin) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("cross-origin.mjs", "--base-url", FaceGateServer.baseUrl(),
                "--api-key", client.apiKey(), "--user-id", name));
        if (origin != null) {
            arguments.addAll(List.of("--page-port", origin.substring(origin.lastIndexOf(':') + 1)));
        }
        E2eNode.Run run = node(arguments, name);
        assertEquals(0, run.exitCode(), run.output());
        return run.report();
    }

    /** Problems any scenario must be free of, whatever its outcome. */
    private static void assertCleanPage(JsonObject report) {
        assertFalse(report.containsKey("harness_error"), report::toString);
        assertEquals(List.of(), strings(report.getJsonArray("page_errors")), "uncaught errors in the page");
        assertEquals(List.of(), strings(report.getJsonArray("csp_violations")), "Content-Security-Policy violations");
        assertFalse(report.getBoolean("api_key_left_in_address"), "the page removes the API key from its address");
        assertFalse(report.getBoolean("horizontal_overflow"), "the page fits a 390 px wide phone screen");
        int frames = report.getInt("frames_sent");
        double seconds = report.getJsonNumber("streaming_seconds").doubleValue();
        assertTrue(frames > 0, report::toString);
        // Ten frames a second at most: n frames span at least (n - 1) tenths of a second.
        assertTrue(seconds >= (frames - 1) / 10.0 - 0.1, frames + " frames within " + seconds + " s");
        JsonObject page = report.getJsonObject("page");
        assertTrue(page.getBoolean("start_enabled"), "the form can start the next session");
    }

    private static JsonObject latestVerification() {
        JsonObject sessions = tenant.api().get("/api/auth/sessions/?session_type=verification&limit=1").json();
        return sessions.getJsonArray("results").getJsonObject(0);
    }

    private static JsonObject scenario(String name, String mode, String userId, String clip, boolean requireLiveness,
                                       boolean accessibility) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("demo-scenario.mjs",
                "--base-url", FaceGateServer.baseUrl(), "--api-key", tenant.apiKey(), "--name", name, "--mode", mode,
                "--user-id", userId, "--require-liveness", String.valueOf(requireLiveness),
                "--clip", TestData.path(clip).toAbsolutePath().toString(), "--work-dir", WORK.toString(),
                "--screenshots", SCREENSHOTS.toString(), "--timeout-seconds", String.valueOf(SCENARIO_TIMEOUT_SECONDS - 60)));
        if (accessibility) {
            arguments.add("--accessibility");
        }
        E2eNode.Run run = node(arguments, name);
        assertEquals(0, run.exitCode(), run.output());
        JsonObject report = run.report();
        assertNotNull(report.get("scenario"), run.output());
        return report;
    }

    private static E2eNode.Run node(List<String> arguments, String log) throws IOException, InterruptedException {
        return E2eNode.run(arguments, log, SCENARIO_TIMEOUT_SECONDS);
    }

    private static List<String> strings(JsonArray array) {
        return E2eNode.strings(array);
    }
}
