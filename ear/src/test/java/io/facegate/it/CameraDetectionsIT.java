package io.facegate.it;

import io.facegate.cameras.CameraClips;
import io.facegate.cameras.Esp32Emulator;
import io.facegate.cameras.RtspTestServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cameras polled by the deployed server, with the ESP32 emulator and a GStreamer RTSP server on
 * loopback playing the real clips: the blink clip's person (enrolled over REST from its own frames)
 * is MATCHED within seconds, once per walk past; the crowd gives no false match; no face, no event;
 * the watchdog notices drops and stalls; a wrong password says 401; RTSP gives the same event; a
 * person's erasure reaches their detections. The server runs with a 5 s watchdog (FaceGateServer).
 */
@ExtendWith(FaceGateServer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CameraDetectionsIT {

    private static final List<byte[]> BLINK = BlinkPerson.FRAMES;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static String token;
    private static Api api;
    private static Api stranger;
    private static String personId;

    @BeforeAll
    static void enrollTheBlinkClipsPerson() {
        token = Tenants.create("Camera Detections Co").login();
        api = Api.bearer(token);
        stranger = Tenants.create("Camera Detections Stranger").api();
        personId = BlinkPerson.enroll(api);
    }

    @AfterAll
    static void noCameraLeft() {
        for (JsonValue camera : api.get("/api/v1/cameras/").json().getJsonArray("results")) {
            api.delete("/api/v1/cameras/" + camera.asJsonObject().getString("id") + "/");
        }
    }

    @Test
    @Order(1)
    void aPersonWalkingPastAnEsp32IsMatchedOnceWithinFiveSeconds() throws Exception {
        try (Esp32Emulator camera = new Esp32Emulator(BLINK); WebhookReceiver receiver = WebhookReceiver.start()) {
            // Seed 002's receiver: the legacy body with a bearer token; another endpoint takes the standard format.
            String legacySecret = api.create("/api/webhooks/", "{\"url\": \"" + receiver.url("/legacy") + "\", \"events\": [\"detection.created\"],"
                    + " \"format\": \"facegate-legacy\", \"bearer_token\": \"seed002-secret\"}").getString("secret");
            api.create("/api/webhooks/", "{\"url\": \"" + receiver.url("/standard") + "\", \"events\": [\"camera.online\", \"detection.created\"]}");
            api.create("/api/webhooks/", "{\"url\": \"" + receiver.url("/attendance") + "\", \"events\": [\"attendance_logged\"],"
                    + " \"format\": \"facegate-legacy\"}");
            camera.play(BLINK, false); // 8 s of the person, then an empty scene
            long registered = System.nanoTime();
            register("DOOR-1", camera.streamUrl(), null);
            JsonObject event = await(() -> first("/api/v1/detections/?camera_id=DOOR-1&status=MATCHED"), 5_000, "a MATCHED event");
            double seconds = (System.nanoTime() - registered) / 1e9;
            assertEquals(personId, event.getString("client_user_id"));
            assertEquals("aoc", event.getString("external_user_id"));
            assertTrue(event.getJsonNumber("confidence").doubleValue() >= 0.4, event::toString);
            assertEquals(200, fetch(event.getString("snapshot_url")).statusCode(), "the frame is stored and presigned");
            assertEquals(200, fetch(event.getString("face_image_url")).statusCode(), "the face crop too");
            System.out.printf("first MATCHED event %.1f s after the camera was registered%n", seconds);

            // the clip ends, the track ends: one walk past, one event (not one per frame)
            Thread.sleep(Math.max(0, 12_000 - (System.nanoTime() - registered) / 1_000_000));
            JsonObject all = api.get("/api/v1/detections/?camera_id=DOOR-1").json();
            assertEquals(1, all.getInt("count"), all::toString);
            JsonObject seed = api.get("/api/facial-recognition/detections?cameraId=DOOR-1&clientId=aoc&status=MATCHED").json();
            assertTrue(seed.getBoolean("success"));
            assertEquals(1, seed.getInt("total"));
            JsonObject seedEvent = seed.getJsonArray("detections").getJsonObject(0);
            assertEquals(personId, seedEvent.getString("clientId"));
            assertTrue(seedEvent.getJsonObject("box").getInt("bottom") > seedEvent.getJsonObject("box").getInt("top"));
            assertEquals(404, stranger.get("/api/v1/detections/" + event.getString("id") + "/").status());
            assertEquals(0, stranger.get("/api/facial-recognition/detections").json().getInt("total"));

            WebhookReceiver.Delivery legacy = receiver.await(d -> d.path().equals("/legacy"), 1, Duration.ofSeconds(20)).get(0);
            legacy.verify(legacySecret);
            assertEquals("Bearer seed002-secret", legacy.authorization());
            JsonObject body = legacy.json();
            assertEquals("DOOR-1", body.getString("camera_id"));
            assertTrue(body.getString("camera_stream_url").startsWith("http://127.0.0.1:"), body::toString);
            JsonObject result = body.getJsonObject("result");
            assertTrue(result.getJsonNumber("distance").doubleValue() >= 0 && result.containsKey("box") && result.containsKey("timestamp"),
                    body::toString);
            List<String> standard = receiver.await(d -> d.path().equals("/standard"), 2, Duration.ofSeconds(20)).stream()
                    .map(WebhookReceiver.Delivery::type).toList();
            assertTrue(standard.contains("camera.online") && standard.contains("detection.created"), standard::toString);

            // The match logged the person's attendance once (seed 004), announced in seed 004's body.
            JsonObject logs = api.get("/api/v1/attendance/logs/?camera_id=DOOR-1").json();
            assertEquals(1, logs.getInt("count"), logs::toString);
            assertEquals("aoc", logs.getJsonArray("results").getJsonObject(0).getJsonObject("employee").getString("employee_id"), logs::toString);
            JsonObject attendance = receiver.await(d -> d.path().equals("/attendance"), 1, Duration.ofSeconds(20)).get(0).json();
            assertEquals("attendance_logged", attendance.getString("event"), attendance::toString);
            assertEquals("aoc", attendance.getJsonObject("data").getString("employee_id"), attendance::toString);
            assertEquals("DOOR-1", attendance.getJsonObject("data").getString("camera_id"), attendance::toString);

            JsonObject health = api.get("/api/v1/cameras/DOOR-1/health/").json();
            assertEquals("online", health.getString("status"), health::toString);
            assertEquals("640x480", health.getString("resolution"));
            assertTrue(health.getJsonNumber("fps_received").doubleValue() > 5, health::toString);
            assertTrue(health.getJsonNumber("fps_analysed").doubleValue() <= 6, health::toString);
            assertTrue(health.getJsonNumber("frames_skipped").longValue() > 0, "frames beyond detect_fps are skipped: " + health);
            api.delete("/api/v1/cameras/DOOR-1/");
        }
    }

    @Test
    @Order(2)
    void theCrowdGivesNoFalseMatchAndAnEmptySceneNoEvent() throws Exception {
        try (Esp32Emulator crowd = new Esp32Emulator(CameraClips.frames("frames_crowd_vga"));
             Esp32Emulator empty = new Esp32Emulator(CameraClips.frames("noface_sequence_dlib_video_frames"))) {
            register("CROWD-1", crowd.streamUrl(), null);
            register("EMPTY-1", empty.streamUrl(), null);
            await(() -> first("/api/v1/detections/?camera_id=CROWD-1"), 15_000, "an event in the crowd");
            Thread.sleep(4_000);
            JsonObject events = api.get("/api/v1/detections/?camera_id=CROWD-1&limit=200").json();
            for (JsonValue event : events.getJsonArray("results")) {
                String status = event.asJsonObject().getString("status");
                assertTrue(status.equals("UNKNOWN") || status.equals("NEW_FACE"), "no false match: " + event);
            }
            assertEquals("online", api.get("/api/v1/cameras/EMPTY-1/").json().getString("status"));
            assertEquals(0, api.get("/api/v1/detections/?camera_id=EMPTY-1").json().getInt("count"), "no face, no event");
            System.out.printf("crowd clip: %d events in about 8 s, none MATCHED%n", events.getInt("count"));
            api.delete("/api/v1/cameras/CROWD-1/");
            api.delete("/api/v1/cameras/EMPTY-1/");
        }
    }

    @Test
    @Order(3)
    void theWatchdogNoticesADroppedAndAStalledStreamAndTheCameraComesBack() throws Exception {
        try (Esp32Emulator camera = new Esp32Emulator(CameraClips.frames("noface_sequence_dlib_video_frames"))) {
            register("FLAKY-1", camera.streamUrl(), null);
            awaitStatus("FLAKY-1", "online", 10_000);

            camera.offline(true); // Wi-Fi gone: connections dropped, new ones refused
            awaitStatus("FLAKY-1", "offline", 12_000);
            camera.offline(false);
            awaitStatus("FLAKY-1", "online", 12_000);

            camera.stall(true); // connected, silent
            awaitStatus("FLAKY-1", "offline", 12_000);
            JsonObject health = await(() -> {
                JsonObject h = api.get("/api/v1/cameras/FLAKY-1/health/").json();
                return !h.isNull("last_error") && h.getString("last_error").startsWith("timeout") ? h : null;
            }, 8_000, "the stall in the health report");
            assertTrue(health.getInt("error_count") > 0, health::toString);
            camera.stall(false);
            awaitStatus("FLAKY-1", "online", 12_000);

            // the preview relays the server's own connection: the camera still has one stream client
            try (InputStream preview = HTTP.send(HttpRequest.newBuilder(URI.create(FaceGateServer.baseUrl()
                    + "/api/v1/cameras/FLAKY-1/stream/preview/")).header("Authorization", bearer()).build(),
                    HttpResponse.BodyHandlers.ofInputStream()).body()) {
                String head = new String(preview.readNBytes(200), StandardCharsets.ISO_8859_1);
                assertTrue(head.startsWith("--facegate-preview\r\nContent-Type: image/jpeg"), head);
            }
            assertEquals(1, camera.streamClients());
            JsonObject stream = api.get("/api/v1/cameras/FLAKY-1/stream/").json();
            assertTrue(stream.getBoolean("polled_here"));
            assertEquals(404, stranger.get("/api/v1/cameras/FLAKY-1/stream/").status());
            assertEquals(404, stranger.get("/api/v1/cameras/FLAKY-1/health/").status());
            assertEquals(404, stranger.post("/api/v1/cameras/FLAKY-1/test/", "").status());
            api.delete("/api/v1/cameras/FLAKY-1/");
        }
    }

    @Test
    @Order(4)
    void aWrongPasswordIsReportedAs401ByTheTest() throws Exception {
        try (Esp32Emulator camera = new Esp32Emulator(BLINK)) {
            camera.requireAuth(Esp32Emulator.Auth.DIGEST, "admin", "s3cret");
            api.create("/api/v1/cameras/", "{\"id\": \"LOCKED-1\", \"name\": \"Locked\", \"stream_url\": \"" + camera.streamUrl()
                    + "\", \"username\": \"admin\", \"password\": \"wrong\"}");
            JsonObject test = api.post("/api/v1/cameras/LOCKED-1/test/", "").json();
            assertFalse(test.getBoolean("success"), test::toString);
            assertEquals("unauthorized", test.getString("error"));
            assertTrue(test.getString("message").contains("401"), test::toString);

            api.patch("/api/v1/cameras/LOCKED-1/", "{\"password\": \"s3cret\"}");
            awaitStatus("LOCKED-1", "online", 12_000);
            JsonObject live = api.post("/api/v1/cameras/LOCKED-1/test/", "").json();
            assertTrue(live.getBoolean("success"), live::toString);
            assertEquals("640x480", live.getString("resolution"));

            JsonObject unreachable = api.create("/api/v1/cameras/", "{\"id\": \"NOWHERE-1\", \"name\": \"Nowhere\","
                    + " \"stream_url\": \"http://no-such-camera.invalid:81/stream\", \"is_active\": false}");
            assertEquals("dns", api.post("/api/v1/cameras/NOWHERE-1/test/", "").json().getString("error"), unreachable::toString);
            api.delete("/api/v1/cameras/LOCKED-1/");
            api.delete("/api/v1/cameras/NOWHERE-1/");
        }
    }

    @Test
    @Order(5)
    void anRtspCameraGivesTheSameEvent() throws Exception {
        try (RtspTestServer rtsp = RtspTestServer.blink("viewer", "rtsp-pass")) {
            api.create("/api/v1/cameras/", "{\"id\": \"RTSP-1\", \"name\": \"Lobby\", \"rtsp_url\": \""
                    + rtsp.url().replace("rtsp://", "rtsp://viewer:rtsp-pass@") + "\"}");
            JsonObject event = await(() -> first("/api/v1/detections/?camera_id=RTSP-1&status=MATCHED"), 15_000, "a MATCHED event over RTSP");
            assertEquals(personId, event.getString("client_user_id"));
            assertEquals("rtsp", api.get("/api/v1/cameras/RTSP-1/").json().getString("source_kind"));
            api.delete("/api/v1/cameras/RTSP-1/");
        }
    }

    @Test
    @Order(6)
    void erasingThePersonErasesTheirLinkAndPicturesFromDetections() {
        JsonObject before = first("/api/v1/detections/?client_user_id=" + personId);
        assertTrue(before != null && !before.isNull("snapshot_url"));
        assertEquals(204, api.delete("/api/clients/users/" + personId + "/").status());
        JsonObject after = api.get("/api/v1/detections/" + before.getString("id") + "/").json();
        assertTrue(after.isNull("client_user_id"), after::toString);
        assertTrue(after.isNull("snapshot_url") && after.isNull("face_image_url"), after::toString);
        assertEquals(0, api.get("/api/v1/detections/?client_user_id=" + personId).json().getInt("count"));
    }

    private static void register(String code, String streamUrl, String snapshotUrl) {
        api.create("/api/v1/cameras/", "{\"id\": \"" + code + "\", \"name\": \"" + code + "\", \"stream_url\": \"" + streamUrl + "\""
                + (snapshotUrl == null ? "" : ", \"snapshot_url\": \"" + snapshotUrl + "\"") + "}");
    }

    private static JsonObject first(String path) {
        JsonObject page = api.get(path).json();
        return page.getJsonArray("results").isEmpty() ? null : page.getJsonArray("results").getJsonObject(0);
    }

    private static void awaitStatus(String code, String status, long millis) throws InterruptedException {
        await(() -> status.equals(api.get("/api/v1/cameras/" + code + "/").json().getString("status")) ? Boolean.TRUE : null, millis,
                code + " " + status);
    }

    private static <T> T await(Supplier<T> probe, long millis, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMillis(millis).toNanos();
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within " + millis + " ms");
            }
            Thread.sleep(200);
        }
    }

    private static String bearer() {
        return "Bearer " + token;
    }

    private static HttpResponse<byte[]> fetch(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
