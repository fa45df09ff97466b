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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import java.io.ByteArrayOutputStream;
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
    /** The shared identities' photos FaceGate makes a template from (the bulk test's pilot finds them). */
    private static List<String> goodPhotos;

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
            String path = exchange.getRequestURI().getPath();
            byte[] photo = path.startsWith("/data/") && Files.isRegularFile(TestData.path(path.substring("/data/".length())))
                    ? TestData.bytes(path.substring("/data/".length())) : PHOTOS.get(path);
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

            // The Next.js side's own camera routes: connect (poll) a camera, change its stream URL.
            JsonObject connected = app.api().post("/api/facial-recognition/cameras", "{\"cameraId\": \"default\"}").json();
            assertTrue(connected.getBoolean("success") && connected.getJsonObject("camera").getBoolean("is_active"), connected::toString);
            JsonObject moved = app.api().put("/api/facial-recognition/cameras", "{\"cameraId\": \"default\", \"streamUrl\": \""
                    + esp32.streamUrl() + "?moved=1\"}").json();
            assertTrue(moved.getJsonObject("camera").getString("stream_url").endsWith("/stream?moved=1"), moved::toString);
            assertEquals(404, app.api().post("/api/facial-recognition/cameras", "{\"cameraId\": \"NOPE\"}").status());
            assertEquals(422, app.api().put("/api/facial-recognition/cameras", "{\"cameraId\": \"default\", \"streamUrl\":"
                    + " \"http://169.254.169.254/latest\"}").status());
            app.stopFacialRecognition();
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

    @Test
    @Order(4)
    void profilesAreStoredAndTheSeedsSyncMakesTheirTemplates() throws Exception {
        Api owner = Tenants.create("Seed 002 Profiles").api();
        JsonObject nothing = owner.post("/api/facial-recognition/sync", "{}").json();
        assertTrue(nothing.getBoolean("success") && nothing.getInt("synced") == 0 && nothing.isNull("id"), "no profile, no job: " + nothing);
        // The seed's createFacialProfile, then its sync of one client.
        Api.Reply created = owner.post("/api/facial-recognition/profiles", "{\"clientId\": \"jolie\", \"provider\": \"python-api\","
                + " \"providerFaceId\": \"pf-1\", \"version\": \"1.0\", \"imageUrl\": \"" + sharedPhotoUrl("identities/Angelina_Jolie/img1.jpg") + "\","
                + " \"embedding\": " + encoding(128) + "}");
        assertEquals(201, created.status(), created::toString);
        JsonObject profile = created.json().getJsonObject("profile");
        assertEquals("jolie", profile.getString("clientId"));
        assertFalse(profile.getBoolean("hasEmbedding"), "a 128-d encoding beside a photo is not kept");
        assertTrue(profile.isNull("templateModel"), "not synced yet");
        Api.Reply foreign = owner.post("/api/facial-recognition/profiles", "{\"clientId\": \"nophoto\", \"embedding\": " + encoding(128) + "}");
        assertEquals(422, foreign.status(), foreign::toString);
        assertEquals("foreign_encoding", foreign.json().getString("error"));

        Api.Reply synced = owner.post("/api/facial-recognition/sync", "{\"clientId\": \"jolie\"}");
        assertEquals(200, synced.status(), synced::toString);
        JsonObject answer = synced.json();
        assertTrue(answer.getBoolean("success"), answer::toString);
        assertEquals(1, answer.getInt("synced"));
        assertEquals(0, answer.getInt("failed"));
        assertEquals("Synced 1 profiles, 0 failed", answer.getString("message"));
        JsonObject listed = owner.get("/api/facial-recognition/profiles?clientId=jolie&activeOnly=true").json();
        assertEquals(1, listed.getInt("total"));
        assertEquals("fr_feature-512-v1", listed.getJsonArray("profiles").getJsonObject(0).getString("templateModel"), "the model is recorded");
        assertTrue(owner.get("/api/clients/users/?search=jolie").json().getJsonArray("results").getJsonObject(0).getBoolean("is_enrolled"));
        // The job is in the batch repository, visible to the operator's jobs API.
        JsonObject execution = Api.bearer(Tenants.adminToken()).get("/api/core/jobs/executions/" + answer.getInt("executionId") + "/").json();
        assertEquals("sync-facial-profiles", execution.getString("job_name", null), execution::toString);
        assertEquals("COMPLETED", execution.getString("batch_status"));
        assertEquals(404, Tenants.create("Seed 002 Profiles Stranger").api().get("/api/facial-recognition/sync/" + answer.getString("id") + "/").status());

        // A nightly sync, as the customer's "profile syncs" run.
        JsonObject schedule = owner.put("/api/facial-recognition/sync/schedule", "{\"cron\": \"30 2 * * Mon-Fri\"}").json();
        assertEquals("30 2 * * Mon-Fri", schedule.getString("cron"), schedule::toString);
        assertFalse(schedule.isNull("nextRunAt"), schedule::toString);
        assertEquals("invalid_cron", owner.put("/api/facial-recognition/sync/schedule", "{\"cron\": \"every night\"}").json().getString("error"));
        assertEquals("invalid_cron", owner.put("/api/facial-recognition/sync/schedule", "{\"cron\": \"0 25 * * *\"}").json().getString("error"));
        assertEquals("30 2 * * Mon-Fri", owner.get("/api/facial-recognition/sync/schedule").json().getString("cron"));
        assertEquals(204, owner.delete("/api/facial-recognition/sync/schedule").status());
        assertEquals(404, owner.get("/api/facial-recognition/sync/schedule").status());

        // CSV and ZIP bulk imports, each synced by its own job.
        String csv = "clientId,name,imageUrl\nbezos,Jeff Bezos," + sharedPhotoUrl("identities/Jeff_Bezos/" + first("Jeff_Bezos")) + "\n"
                + "broken,Broken Link," + photoUrl("/profiles/none.jpg") + "\n";
        Api.Reply csvReply = owner.post("/api/facial-recognition/profiles/import", csv.getBytes(), "text/csv");
        assertTrue(csvReply.status() == 200 || csvReply.status() == 202, csvReply::toString);
        JsonObject csvImport = csvReply.json();
        assertEquals(2, csvImport.getInt("stored"), csvImport::toString);
        JsonObject csvSync = finished(owner, csvImport.getJsonObject("sync"));
        assertEquals(1, csvSync.getInt("synced"), csvSync::toString);
        assertEquals(1, csvSync.getInt("failed"));
        JsonObject error = csvSync.getJsonArray("errors").getJsonObject(0);
        assertEquals("broken", error.getString("clientId"));
        assertEquals("image_fetch_failed", error.getString("error"));
        JsonObject zipImport = owner.post("/api/facial-recognition/profiles/import", zip("people/pichai.jpg",
                "identities/Sundar_Pichai/" + first("Sundar_Pichai"), "dogs.jpg", "detection/no_face/dlib_dogs.jpg"), "application/zip").json();
        JsonObject zipSync = finished(owner, zipImport.getJsonObject("sync"));
        assertEquals(1, zipSync.getInt("synced"), zipSync::toString);
        // Dogs: no face, or a detection too weak to recognise anyone by.
        assertTrue(List.of("no_face", "low_quality").contains(zipSync.getJsonArray("errors").getJsonObject(0).getString("error")),
                zipSync::toString);
        assertEquals("dogs", zipSync.getJsonArray("errors").getJsonObject(0).getString("clientId"));
    }

    /**
     * The bulk sync: 500 profiles (the shared identities' photos repeated under distinct ids)
     * with 5 % broken items; the job reports exactly the broken ones, and its throughput is printed.
     */
    @Test
    @Order(5)
    void aBulkSyncOf500ProfilesReportsExactlyTheBrokenOnes() throws Exception {
        Api owner = Tenants.create("Seed 002 Bulk").api();
        List<String> photos;
        try (Stream<Path> files = Files.walk(TestData.path("identities"))) {
            photos = files.filter(Files::isRegularFile).map(f -> TestData.path("").relativize(f).toString()).sorted().toList();
        }
        // First each photo once: the ones FaceGate cannot make a template from (several faces, poor quality) are not "broken" items.
        Api.Reply pilotImport = owner.post("/api/facial-recognition/profiles/import", profiles(photos, i -> "pilot-" + i).getBytes(),
                "application/json");
        assertTrue(pilotImport.status() == 200 || pilotImport.status() == 202, pilotImport::toString);
        JsonObject pilot = finished(owner, pilotImport.json().getJsonObject("sync"));
        Set<String> refused = new HashSet<>();
        pilot.getJsonArray("errors").forEach(e -> refused.add(photos.get(Integer.parseInt(e.asJsonObject().getString("clientId").substring(6)))));
        List<String> good = photos.stream().filter(p -> !refused.contains(p)).toList();
        goodPhotos = good;
        System.out.printf("seed 002 pilot: %d identity photos, %d refused %s%n", photos.size(), refused.size(), pilot.getJsonArray("errors"));

        List<String> broken = List.of(photoUrl("/profiles/none.jpg"), "/data/detection/invalid_images/corrupted.png",
                "/data/detection/no_face/dlib_dogs.jpg", "/data/detection/group/3ddfa_trump_hillary.jpg", "/data/detection/invalid_images/empty.png");
        JsonArrayBuilder items = Json.createArrayBuilder();
        Set<String> brokenIds = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            String id = "emp" + i;
            String url;
            if (i % 20 == 7) {
                brokenIds.add(id);
                String bad = broken.get(brokenIds.size() % broken.size());
                url = bad.startsWith("http") ? bad : photoUrl(bad);
            } else {
                url = photoUrl("/data/" + good.get(i % good.size()));
            }
            items.add(Json.createObjectBuilder().add("clientId", id).add("name", "Employee " + i).add("imageUrl", url));
        }
        Api.Reply bulkImport = owner.post("/api/facial-recognition/profiles/import", items.build().toString().getBytes(), "application/json");
        assertEquals(202, bulkImport.status(), bulkImport::toString);
        assertTrue(bulkImport.raw().headers().firstValue("Location").orElse("").contains("/api/facial-recognition/sync/"), bulkImport::toString);
        JsonObject bulk = bulkImport.json();
        assertEquals(500, bulk.getInt("stored"), bulk::toString);
        JsonObject sync = finished(owner, bulk.getJsonObject("sync"));
        assertTrue(sync.getBoolean("success"), sync::toString);
        assertEquals(475, sync.getInt("synced"), sync::toString);
        assertEquals(25, sync.getInt("failed"));
        Set<String> reported = new HashSet<>();
        sync.getJsonArray("errors").forEach(e -> reported.add(e.asJsonObject().getString("clientId")));
        assertEquals(brokenIds, reported);
        JsonObject progress = sync.getJsonObject("progress");
        assertEquals(500, progress.getInt("done"));
        assertEquals(500, progress.getInt("total"));
        assertEquals(475, owner.get("/api/clients/users/?search=emp&is_enrolled=true&limit=1").json().getInt("count"));
        System.out.printf("seed 002 bulk sync: 500 profiles (25 broken) in %s, %.1f profiles/s%n",
                Duration.between(java.time.Instant.parse(sync.getString("startedAt")), java.time.Instant.parse(sync.getString("endedAt"))),
                progress.getJsonNumber("ratePerSecond").doubleValue());
    }

    /** The crash test: the server is killed in the middle of a sync, which goes on after the restart, no profile twice. */
    @Test
    @Order(6)
    void aSyncCutOffByACrashGoesOnAfterTheRestartWithoutDuplicates() throws Exception {
        assertNotNull(goodPhotos, "the bulk test ran first");
        Tenants.Tenant crashTenant = Tenants.create("Seed 002 Crash");
        Api owner = crashTenant.api();
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (int i = 0; i < 300; i++) {
            items.add(Json.createObjectBuilder().add("clientId", "crash" + i).add("imageUrl", photoUrl("/data/" + goodPhotos.get(i % goodPhotos.size()))));
        }
        Api.Reply imported = owner.post("/api/facial-recognition/profiles/import", items.build().toString().getBytes(), "application/json");
        assertEquals(202, imported.status(), imported::toString);
        JsonObject sync = imported.json().getJsonObject("sync");
        String syncId = sync.getString("id");
        long before;
        do {
            Thread.sleep(250);
            before = owner.get("/api/facial-recognition/sync/" + syncId + "/").json().getJsonObject("progress").getInt("done");
        } while (before < 30);
        assertTrue(before < 300, "the sync was still running when the server was killed: " + before);
        FaceGateServer.crash();

        JsonObject after = finished(crashTenant.api(), crashTenant.api().get("/api/facial-recognition/sync/" + syncId + "/").json());
        assertTrue(after.getBoolean("success"), after::toString);
        assertEquals(300, after.getInt("synced"), after::toString);
        assertEquals(0, after.getInt("failed"), after::toString);
        assertTrue(after.getInt("resumptions") >= 1, after::toString);
        assertTrue(after.getInt("executionId") != sync.getInt("executionId"), "a new run went on with the sync");
        try (java.sql.Connection db = FaceGateServer.database(); java.sql.Statement sql = db.createStatement();
             java.sql.ResultSet rows = sql.executeQuery("select count(*), count(distinct profile_id) from profile_sync_item where sync_id = '"
                     + syncId + "'")) {
            rows.next();
            assertEquals(300, rows.getInt(1));
            assertEquals(300, rows.getInt(2));
        }
        assertEquals(300, crashTenant.api().get("/api/clients/users/?is_enrolled=true&limit=1").json().getInt("count"));
        System.out.printf("seed 002 crash test: %d of 300 profiles done when the server was killed; resumed %d time(s), 300 synced once each%n",
                before, after.getInt("resumptions"));
    }

    /** The sync answered with, or its status URL polled until it has finished (with progress meanwhile). */
    static JsonObject finished(Api owner, JsonObject sync) throws InterruptedException {
        assertNotNull(sync, "a sync in the answer");
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        JsonObject current = sync;
        while (current.isNull("endedAt")) {
            assertTrue(System.nanoTime() < deadline, "the sync did not finish: " + current);
            assertTrue(current.getJsonObject("progress").getInt("done") <= current.getJsonObject("progress").getInt("total"), current::toString);
            Thread.sleep(1000);
            Api.Reply reply = owner.get("/api/facial-recognition/sync/" + current.getString("id") + "/");
            assertEquals(200, reply.status(), reply::toString);
            current = reply.json();
        }
        return current;
    }

    private static String profiles(List<String> photos, java.util.function.IntFunction<String> id) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (int i = 0; i < photos.size(); i++) {
            items.add(Json.createObjectBuilder().add("clientId", id.apply(i)).add("imageUrl", photoUrl("/data/" + photos.get(i))));
        }
        return items.build().toString();
    }

    private static String sharedPhotoUrl(String photo) {
        return photoUrl("/data/" + photo);
    }

    private static String first(String identity) throws IOException {
        try (Stream<Path> files = Files.list(TestData.path("identities/" + identity))) {
            return files.map(f -> f.getFileName().toString()).sorted().findFirst().orElseThrow();
        }
    }

    /** A ZIP of (entry name, shared data file) pairs. */
    private static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < entries.length; i += 2) {
                zip.putNextEntry(new ZipEntry(entries[i]));
                zip.write(TestData.bytes(entries[i + 1]));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
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
