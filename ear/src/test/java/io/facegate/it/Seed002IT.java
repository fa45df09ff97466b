package io.facegate.it;

import com.sun.net.httpserver.HttpServer;
import io.facegate.cameras.Esp32Emulator;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seed 002's Next.js application against FaceGate instead of its Python API: {@link Seed002App}
 * calls exactly the seed's paths with the seed's bodies, only its base URL and credentials
 * changed. It registers people from real photos (by URL, upload and data URL), points the default
 * camera at an emulated ESP32 playing a real clip, starts recognition and receives the
 * {@code facegate-legacy} webhook (Bearer secret) naming the right person; results, latest and
 * stats follow the seed's result shape.
 */
@ExtendWith(FaceGateServer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Seed002IT {

    private static final String WEBHOOK_SECRET = "seed002-webhook-secret";

    private static Tenants.Tenant tenant;
    private static Seed002App app;
    private static Api modern;
    private static HttpServer photos;
    private static final Map<String, byte[]> PHOTOS = new ConcurrentHashMap<>();

    /**
     * The seed's {@code src/lib/facial-recognition-api.ts}: {@code NEXT_PUBLIC_FACIAL_API_URL} is now
     * FaceGate's {@code /api}, and the requests carry the client's API key and secret.
     */
    record Seed002App(Api api) {
        Api.Reply getFacialAPIStatus() {
            return api.get("/api/status");
        }

        Api.Reply startFacialRecognition() {
            return api.post("/api/start", "");
        }

        Api.Reply stopFacialRecognition() {
            return api.post("/api/stop", "");
        }

        Api.Reply getFacialResults() {
            return api.get("/api/results");
        }

        Api.Reply getLatest() {
            return api.get("/api/latest");
        }

        Api.Reply getStats() {
            return api.get("/api/stats");
        }

        Api.Reply updateFacialConfig(String config) {
            return api.put("/api/config", config);
        }

        /** {@code registerUserToPythonAPI({name, encoding, imageUrl, clientId})}. */
        Api.Reply registerUser(String body) {
            return api.post("/api/users/register", body);
        }

        Api.Reply updateUser(String userId, String body) {
            return api.put("/api/users/" + userId, body);
        }

        Api.Reply deleteUser(String userId) {
            return api.delete("/api/users/" + userId);
        }

        Api.Reply listUsers() {
            return api.get("/api/users");
        }
    }

    @BeforeAll
    static void theSeedAppPointsAtFaceGate() throws IOException {
        tenant = Tenants.create("Seed 002 Gym");
        app = new Seed002App(Api.anonymous().header("X-API-Key", tenant.apiKey()).header("X-API-Secret", tenant.apiSecret()));
        modern = tenant.api();
        // Where the seed app's profile photos live (its imageUrl): a loopback server, allowed by the IT server's egress policy.
        photos = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        photos.createContext("/", exchange -> {
            byte[] photo = PHOTOS.get(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(photo == null ? 404 : 200, photo == null ? -1 : photo.length);
            if (photo != null) {
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(photo);
                }
            }
            exchange.close();
        });
        photos.start();
        PHOTOS.put("/profiles/aoc.jpg", BlinkPerson.FRAMES.get(25));
        PHOTOS.put("/profiles/group.jpg", TestData.bytes("detection/group/3ddfa_trump_hillary.jpg"));
    }

    @AfterAll
    static void stop() {
        photos.stop(0);
    }

    private static String photoUrl(String path) {
        return "http://127.0.0.1:" + photos.getAddress().getPort() + path;
    }

    @Test
    @Order(1)
    void usersAreRegisteredFromPhotosAndAForeignEncodingIsRefused() {
        // The seed's sync sends its 128-d face_recognition encoding beside the photo URL: the photo wins.
        Api.Reply registered = app.registerUser("{\"name\": \"Blink Clip\", \"clientId\": \"aoc\", \"imageUrl\": \""
                + photoUrl("/profiles/aoc.jpg") + "\", \"encoding\": " + encoding(128) + "}");
        assertEquals(201, registered.status(), registered::toString);
        JsonObject answer = registered.json();
        assertTrue(answer.getBoolean("success"));
        assertTrue(answer.getString("message").contains("encoding was ignored"), answer::toString);
        JsonObject user = answer.getJsonObject("user");
        assertEquals("aoc", user.getString("user_id"));
        assertEquals("Blink Clip", user.getString("name"));
        assertTrue(user.getBoolean("enrolled"));
        assertFalse(user.isNull("profile_image_url"), "the photo became the profile image");

        // An encoding alone, from another model: refused, asking for a photo.
        Api.Reply foreign = app.registerUser("{\"name\": \"Jane Roe\", \"clientId\": \"jane\", \"encoding\": " + encoding(128) + "}");
        assertEquals(422, foreign.status(), foreign::toString);
        assertEquals("foreign_encoding", foreign.json().getString("error"));
        assertTrue(foreign.json().getString("message").contains("send a photo"), foreign::toString);
        assertEquals(512, foreign.json().getJsonObject("details").getInt("dimensions"));
        // Even 512 values are foreign without FaceGate's model id.
        assertEquals(422, app.registerUser("{\"name\": \"Jane Roe\", \"clientId\": \"jane\", \"encoding\": " + encoding(512) + "}").status());
        // With FaceGate's model id and dimension, an encoding is a template.
        Api.Reply own = app.registerUser("{\"name\": \"Jane Roe\", \"clientId\": \"jane\", \"model\": \"fr_feature-512-v1\", \"encoding\": "
                + encoding(512) + "}");
        assertEquals(201, own.status(), own::toString);
        assertTrue(own.json().getJsonObject("user").getBoolean("enrolled"));

        // An upload and a data URL of real photos.
        TestData.Multipart upload = TestData.Multipart.of("name", "Angelina Jolie", "userId", "jolie", "image", "@identities/Angelina_Jolie/img1.jpg");
        Api.Reply uploaded = upload.post(app.api(), "/api/users/register");
        assertEquals(201, uploaded.status(), uploaded::toString);
        Api.Reply dataUrl = app.registerUser("{\"name\": \"Elon Musk\", \"clientId\": \"musk\", \"image\": \"data:image/jpeg;base64,"
                + TestData.base64("identities/Elon_Musk/img18.jpg") + "\"}");
        assertEquals(201, dataUrl.status(), dataUrl::toString);

        // Photos that make no template: several faces; no photo at all; a URL the egress policy refuses.
        Api.Reply group = app.registerUser("{\"name\": \"Group\", \"clientId\": \"group\", \"imageUrl\": \"" + photoUrl("/profiles/group.jpg") + "\"}");
        assertEquals(422, group.status(), group::toString);
        assertEquals("multiple_faces", group.json().getString("error"));
        Api.Reply missing = app.registerUser("{\"name\": \"Nobody\", \"clientId\": \"nobody\"}");
        assertEquals(400, missing.status(), missing::toString);
        assertEquals("missing_image", missing.json().getString("error"));
        Api.Reply metadata = app.registerUser("{\"name\": \"Meta\", \"clientId\": \"meta\", \"imageUrl\": \"http://169.254.169.254/latest/meta-data\"}");
        assertEquals(422, metadata.status(), metadata::toString);
        assertEquals("egress_refused", metadata.json().getString("error"));
        Api.Reply gone = app.registerUser("{\"name\": \"Gone\", \"clientId\": \"gone\", \"imageUrl\": \"" + photoUrl("/profiles/none.jpg") + "\"}");
        assertEquals(422, gone.status(), gone::toString);
        assertEquals("image_fetch_failed", gone.json().getString("error"));

        // Update and delete by the seed's own ids; the list has who is left; the same people as the modern API's.
        Api.Reply renamed = app.updateUser("musk", "{\"name\": \"Elon R. Musk\"}");
        assertEquals(200, renamed.status(), renamed::toString);
        assertEquals("Elon R. Musk", renamed.json().getJsonObject("user").getString("name"));
        assertEquals(200, app.deleteUser("jane").status());
        assertEquals(404, app.deleteUser("jane").status());
        JsonObject users = app.listUsers().json();
        assertEquals(3, users.getInt("total"), users::toString);
        List<String> ids = users.getJsonArray("users").stream().map(u -> u.asJsonObject().getString("user_id")).sorted().toList();
        assertEquals(List.of("aoc", "jolie", "musk"), ids);
        assertEquals(3, modern.get("/api/clients/users/?is_enrolled=true").json().getInt("count"));
        assertEquals(404, Tenants.create("Seed 002 Stranger").api().put("/api/users/aoc", "{\"name\": \"x\"}").status());
    }

    @Test
    @Order(2)
    void theCameraRecognisesTheRegisteredPersonAndTheWebhookNamesThem() throws Exception {
        try (Esp32Emulator esp32 = new Esp32Emulator(BlinkPerson.FRAMES); WebhookReceiver receiver = WebhookReceiver.start()) {
            // The operator's one-time setup of the seed's webhook (its /api/facial-recognition/webhook route) in the legacy format.
            modern.create("/api/webhooks/", "{\"url\": \"" + receiver.url("/api/facial-recognition/webhook") + "\", \"events\":"
                    + " [\"detection.created\", \"detection.updated\"], \"format\": \"facegate-legacy\", \"bearer_token\": \"" + WEBHOOK_SECRET + "\"}");
            JsonObject before = app.getFacialAPIStatus().json();
            assertFalse(before.getBoolean("running"), before::toString);
            assertEquals(409, app.startFacialRecognition().status(), "no camera yet");

            // updateCameraStreamInPythonAPI: sets up the default camera; stopped again so that start is what starts it.
            Api.Reply configured = app.updateFacialConfig("{\"stream_url\": \"" + esp32.streamUrl() + "\", \"threshold\": 0.6}");
            assertEquals(200, configured.status(), configured::toString);
            JsonObject camera = configured.json().getJsonObject("camera");
            assertEquals("default", camera.getString("camera_id"));
            assertEquals(0.6, camera.getJsonNumber("threshold").doubleValue(), 1e-9);
            assertEquals(0.4, modern.get("/api/v1/cameras/default/").json().getJsonNumber("match_threshold").doubleValue(), 1e-9);
            assertEquals(400, app.updateFacialConfig("{\"threshold\": 1.5}").status());
            app.stopFacialRecognition();

            esp32.play(BlinkPerson.FRAMES, false);
            JsonObject started = app.startFacialRecognition().json();
            assertTrue(started.getBoolean("running"), started::toString);
            JsonObject status = app.getFacialAPIStatus().json();
            assertTrue(status.getBoolean("running"), status::toString);
            assertEquals(esp32.streamUrl(), status.getString("stream_url"));
            assertEquals(3, status.getInt("users"));

            WebhookReceiver.Delivery delivery = receiver.await(d -> "Blink Clip".equals(d.json().getJsonObject("result").getString("name")),
                    1, Duration.ofSeconds(30)).get(0);
            assertEquals("Bearer " + WEBHOOK_SECRET, delivery.authorization());
            JsonObject body = delivery.json();
            assertEquals("default", body.getString("camera_id"));
            JsonObject result = body.getJsonObject("result");
            assertEquals("Blink Clip", result.getString("name"), body::toString);
            assertTrue(result.getJsonNumber("distance").doubleValue() <= 0.6, body::toString);

            JsonObject results = app.getFacialResults().json();
            assertTrue(results.getBoolean("success"));
            JsonObject first = results.getJsonArray("results").getJsonObject(0);
            assertEquals("Blink Clip", first.getString("name"), results::toString);
            assertEquals("aoc", first.getString("user_id"));
            assertEquals("MATCHED", first.getString("status"));
            JsonObject box = first.getJsonObject("box");
            assertTrue(box.getInt("bottom") > box.getInt("top") && box.getInt("right") > box.getInt("left"), box::toString);
            assertEquals(1 - first.getJsonNumber("confidence").doubleValue(), first.getJsonNumber("distance").doubleValue(), 1e-3);
            assertNotNull(first.getString("timestamp"));
            assertEquals(first.getString("id"), app.getLatest().json().getJsonObject("result").getString("id"));

            JsonObject stats = app.getStats().json();
            assertTrue(stats.getJsonObject("by_status").getInt("MATCHED") >= 1, stats::toString);
            assertTrue(stats.getJsonObject("by_camera").getJsonObject("default").getInt("MATCHED") >= 1, stats::toString);
            JsonObject latency = stats.getJsonObject("recognition_latency_ms");
            assertTrue(latency.getInt("measured") >= 1 && latency.getJsonNumber("median").doubleValue() > 0, stats::toString);
            System.out.printf("seed 002: recognition latency (frame arrival to event) median %s ms, p95 %s ms over %d events%n",
                    latency.get("median"), latency.get("p95"), latency.getInt("measured"));

            // The seed's own detection listing has the same event.
            JsonObject seedList = app.api().get("/api/facial-recognition/detections?cameraId=default&status=MATCHED").json();
            assertEquals(first.getString("id"), seedList.getJsonArray("detections").getJsonObject(0).getString("id"));

            JsonObject stopped = app.stopFacialRecognition().json();
            assertFalse(stopped.getBoolean("running"), stopped::toString);
            assertEquals("inactive", modern.get("/api/v1/cameras/default/").json().getString("status"));
        }
    }

    @Test
    @Order(3)
    void theLegacyOperationsAreDeprecatedAndPointToTheirModernEquivalents() {
        JsonObject paths = Api.anonymous().get("/api/schema/?format=json").json().getJsonObject("paths");
        int legacy = 0;
        for (String path : List.of("/api/status", "/api/start", "/api/stop", "/api/results", "/api/latest", "/api/stats", "/api/config",
                "/api/users/register", "/api/users/{userId}", "/api/users")) {
            JsonObject item = paths.getJsonObject(path);
            assertNotNull(item, path + " is documented");
            for (Map.Entry<String, JsonValue> operation : item.entrySet()) {
                JsonObject described = operation.getValue().asJsonObject();
                assertTrue(described.getBoolean("deprecated", false), path + " " + operation.getKey() + " is deprecated");
                assertEquals("Legacy Recognition", described.getJsonArray("tags").getString(0));
                assertTrue(described.getString("description").contains("/api/"), path + " points to its modern equivalent");
                legacy++;
            }
        }
        assertTrue(legacy >= 11, "legacy operations: " + legacy);
    }

    /** A face_recognition-like encoding: small values, not FaceGate's. */
    private static String encoding(int dimensions) {
        JsonArrayBuilder values = Json.createArrayBuilder();
        for (int i = 0; i < dimensions; i++) {
            values.add(Math.sin(i) / 10);
        }
        return values.build().toString();
    }
}
