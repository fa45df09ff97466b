package io.facegate.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Enrollment and authentication sessions over REST on the real server, with real photos: enroll
 * three people, verify, identify, refuse bad frames and used or expired tokens, keep tenants apart,
 * and erase a deleted person from PostgreSQL and S3.
 */
@ExtendWith(FaceGateServer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SessionsIT {

    /** Each person's enrollment photos, then a photo kept back for authentication. */
    private static final Map<String, List<String>> PEOPLE = Map.of(
            "simm", List.of("John_Simm/000288_00470387.jpg", "John_Simm/000297_00470170.jpg", "John_Simm/000300_00470148.jpg",
                    "John_Simm/000304_00470122.jpg", "John_Simm/000305_00470162.jpg", "John_Simm/000305_00470717.jpg"),
            "savage", List.of("John_Savage/000264_01099001.jpg", "John_Savage/000274_01099061.jpg", "John_Savage/000277_01099000.jpg",
                    "John_Savage/000289_01099139.jpg", "John_Savage/000290_01099067.jpg", "John_Savage/000290_01099090.jpg"),
            "jolie", List.of("Angelina_Jolie/img1.jpg", "Angelina_Jolie/img10.jpg", "Angelina_Jolie/img11.jpg", "Angelina_Jolie/img2.jpg",
                    "Angelina_Jolie/img4.jpg", "Angelina_Jolie/img5.jpg"));

    private static Tenants.Tenant tenant;
    private static Api api;
    private static Api otherTenant;
    private static final Map<String, String> userIds = new HashMap<>();
    private static final Map<String, String> lastPhotoUsed = new HashMap<>();

    @BeforeAll
    static void tenants() {
        tenant = Tenants.create("Sessions Co");
        api = tenant.api();
        otherTenant = Tenants.create("Other Sessions Co").api();
    }

    @Test
    @Order(1)
    void enrollsThreePeopleFromThreeGoodFramesEach() throws Exception {
        for (String person : List.of("simm", "savage", "jolie")) {
            JsonObject session = open("/api/auth/enrollment/", "{\"user_id\":\"" + person + "\",\"session_type\":\"webcam\","
                    + "\"display_name\":\"" + person + "\",\"metadata\":{\"target_samples\":3,\"device_info\":\"IT\"}}");
            assertEquals("pending", session.getString("status"));
            assertEquals(3, session.getInt("target_samples"));
            assertTrue(session.getString("websocket_url").matches("ws://.+/ws/auth/process-image/" + session.getString("session_token") + "/"),
                    session::toString);
            JsonObject last = null;
            for (String photo : PEOPLE.get(person)) {
                last = frame(session.getString("session_token"), "identities/" + photo);
                lastPhotoUsed.put(person, photo);
                if ("completed".equals(last.getString("session_status"))) {
                    break;
                }
                assertEquals("processing", last.getString("session_status"), last::toString);
            }
            assertTrue(last.getBoolean("enrollment_complete"), last::toString);
            assertTrue(last.getBoolean("success"));
            assertEquals(100.0, last.getJsonNumber("enrollment_progress").doubleValue());
            JsonObject result = decrypt(last.getJsonObject("encrypted_data"));
            assertEquals(session.getString("enrollment_id"), result.getString("id"));
            assertEquals("enrollment", result.getString("session_type"));
            assertEquals(session.getString("session_token"), result.getString("session_token"));

            JsonObject user = onlyUser(person);
            assertTrue(user.getBoolean("is_enrolled"), user::toString);
            assertNotNull(user.getString("enrollment_completed_at"));
            userIds.put(person, user.getString("id"));
            assertEquals(200, fetch(user.getString("profile_image_url")).statusCode(), "profile image is stored and presigned");
        }
        try (Connection db = database()) {
            String ofTenant = " where client_id = '" + tenant.id() + "'";
            assertEquals(3, count(db, "select count(*) from face_template" + ofTenant), "one template per person");
            assertEquals(9, count(db, "select count(*) from face_sample s join client_user u on u.id = s.client_user_id"
                    + " where u.client_id = '" + tenant.id() + "'"), "three samples per person");
            try (ResultSet rows = db.createStatement().executeQuery("select template_sealed from face_template" + ofTenant)) {
                while (rows.next()) {
                    // 12-byte IV + 512 float32 + 16-byte GCM tag: sealed, not the raw 2048-byte vector.
                    assertEquals(12 + 2048 + 16, rows.getBytes(1).length);
                }
            }
        }
    }

    @Test
    @Order(2)
    void usageCountsEnrollmentFramesAsEnrollment() throws InterruptedException {
        // Usage rows are written asynchronously (every 500 ms by default).
        long deadline = System.nanoTime() + 15_000_000_000L;
        long enrollmentFrames = 0;
        while (enrollmentFrames < 9 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            enrollmentFrames = api.get("/api/clients/usage/?category=enrollment&limit=200").json().getJsonArray("results").stream()
                    .map(JsonObject.class::cast)
                    .filter(row -> row.getJsonObject("metadata").getString("path").contains("process")).count();
        }
        assertTrue(enrollmentFrames >= 9, "frames of enrollment sessions are enrollment usage: " + enrollmentFrames);
    }

    @Test
    @Order(2)
    void rejectsFramesWithoutExactlyOneGoodFaceAndSaysWhy() {
        JsonObject session = open("/api/enrollment/create/", "{\"user_id\":\"picky\",\"target_samples\":2}");
        String token = session.getString("session_token");
        JsonObject noFace = frame(token, "detection/no_face/dlib_mmod_cars_test_image.jpg");
        assertFalse(noFace.getBoolean("frame_accepted"), noFace::toString);
        assertEquals("no_face", noFace.getJsonObject("rejection").getString("code"));
        assertTrue(noFace.getBoolean("requires_more_frames"));

        JsonObject twoFaces = frame(token, "detection/group/face_recognition_two_people.jpg");
        assertFalse(twoFaces.getBoolean("frame_accepted"), twoFaces::toString);
        assertEquals("multiple_faces", twoFaces.getJsonObject("rejection").getString("code"));

        JsonObject good = frame(token, "identities/Angelina_Jolie/img5.jpg");
        assertTrue(good.getBoolean("frame_accepted"), good::toString);
        JsonObject otherPerson = frame(token, "identities/Jeff_Bezos/img20.jpg");
        assertFalse(otherPerson.getBoolean("frame_accepted"), otherPerson::toString);
        assertEquals("different_person", otherPerson.getJsonObject("rejection").getString("code"));
        assertEquals(4, otherPerson.getInt("frames_processed"));
        assertEquals(1, otherPerson.getInt("frames_accepted"));
        assertEquals(50.0, otherPerson.getJsonNumber("enrollment_progress").doubleValue());
        assertEquals("processing", otherPerson.getString("session_status"));
    }

    @Test
    @Order(3)
    void verifiesTheRightPersonAndRefusesTheWrongOne() throws Exception {
        JsonObject session = open("/api/auth/authentication/", "{\"user_id\":\"simm\",\"session_type\":\"webcam\",\"require_liveness\":false}");
        assertEquals("verification", session.getString("session_type"));
        assertEquals("active", session.getString("status"));
        JsonObject match = frame(session.getString("session_token"), "identities/John_Simm/000310_00470511.jpg");
        assertEquals("completed", match.getString("session_status"), match::toString);
        assertEquals("success", match.getString("result"), match::toString);
        assertEquals("simm", match.getJsonObject("matched_user").getString("user_id"));
        double similarity = match.getJsonNumber("similarity_score").doubleValue();
        assertTrue(similarity > 0.4, match::toString);
        JsonObject result = decrypt(match.getJsonObject("encrypted_data"));
        assertEquals("simm", result.getString("id"));
        assertEquals("verification", result.getString("session_type"));
        assertEquals(similarity, result.getJsonNumber("confidence").doubleValue(), 1e-9);

        JsonObject wrong = open("/api/auth/face/create/", "{\"user_id\":\"simm\",\"require_liveness\":false}");
        JsonObject noMatch = frame(wrong.getString("session_token"), "identities/John_Savage/000299_01099008.jpg");
        assertEquals("failed", noMatch.getString("session_status"), noMatch::toString);
        assertEquals("failure", noMatch.getString("result"));
        assertFalse(noMatch.getBoolean("success"));
        assertEquals("no_match", noMatch.getString("failure_reason"));
        assertTrue(noMatch.isNull("encrypted_data"), "a failed session reveals nothing encrypted");
    }

    @Test
    @Order(4)
    void identifiesAmongTheEnrolledPeople() {
        JsonObject session = open("/api/auth/authentication/", "{\"session_type\":\"api\",\"require_liveness\":false}");
        assertEquals("identification", session.getString("session_type"));
        JsonObject found = frame(session.getString("session_token"), "identities/Angelina_Jolie/img6.jpg");
        assertEquals("success", found.getString("result"), found::toString);
        assertEquals("jolie", found.getJsonObject("matched_user").getString("user_id"));

        JsonObject stored = api.get("/api/auth/sessions/" + session.getString("session_id") + "/").json();
        assertEquals("completed", stored.getString("status"));
        assertEquals(userIds.get("jolie"), stored.getString("client_user"));
        JsonObject info = stored.getJsonObject("client_user_info");
        assertEquals("jolie", info.getString("external_user_id"));
        assertTrue(info.getBoolean("is_enrolled"));
        assertTrue(info.getString("profile_image_url").startsWith("http"), info::toString);
        assertTrue(stored.getJsonNumber("confidence_score").doubleValue() > 0.4);

        JsonObject stranger = open("/api/auth/authentication/", "{\"require_liveness\":false}");
        JsonObject unknown = frame(stranger.getString("session_token"), "identities/Jeff_Bezos/img21.jpg");
        assertEquals("failure", unknown.getString("result"), unknown::toString);
        assertEquals("not_recognized", unknown.getString("failure_reason"));

        Api.Reply listed = api.get("/api/auth/sessions/?session_type=identification&status=completed");
        assertEquals(200, listed.status(), listed::toString);
        assertEquals(1, listed.json().getInt("count"), listed::toString);
        assertEquals(400, api.get("/api/auth/sessions/?status=sleeping").status());
    }

    @Test
    @Order(5)
    void refusesUsedUnknownAndExpiredTokens() throws Exception {
        JsonObject session = open("/api/auth/authentication/", "{\"user_id\":\"savage\",\"require_liveness\":false}");
        String token = session.getString("session_token");
        assertEquals("success", frame(token, "identities/John_Savage/000299_01099008.jpg").getString("result"));
        Api.Reply reused = frameReply(token, "identities/John_Savage/000299_01099008.jpg");
        assertEquals(409, reused.status(), reused::toString);
        assertEquals("session_closed", reused.json().getString("error"));

        Api.Reply unknown = frameReply("fs_not-a-real-token", "identities/John_Savage/000299_01099008.jpg");
        assertEquals(404, unknown.status(), unknown::toString);

        JsonObject idle = open("/api/auth/enrollment/", "{\"user_id\":\"sleepy\"}");
        try (Connection db = database(); PreparedStatement update = db.prepareStatement(
                "update face_session set expires_at = now() - interval '1 second' where id = ?")) {
            update.setObject(1, UUID.fromString(idle.getString("session_id")));
            assertEquals(1, update.executeUpdate());
        }
        Api.Reply expired = frameReply(idle.getString("session_token"), "identities/John_Savage/000299_01099008.jpg");
        assertEquals(410, expired.status(), expired::toString);
        assertEquals("session_expired", expired.json().getString("error"));
        assertEquals("expired", api.get("/api/auth/sessions/" + idle.getString("session_id")).json().getString("status"));

        Api.Reply broken = api.post("/api/auth/process-image/", "{\"session_token\":\"" + open("/api/auth/enrollment/",
                "{\"user_id\":\"broken\"}").getString("session_token") + "\",\"image\":\"not*base64\"}");
        assertEquals(400, broken.status(), broken::toString);
        assertEquals(400, api.post("/api/auth/enrollment/", "{\"session_type\":\"webcam\"}").status(), "user_id is required");
        assertEquals(400, api.post("/api/auth/enrollment/", "{\"user_id\":\"x\",\"target_samples\":\"three\"}").status());
        assertEquals(400, api.post("/api/auth/enrollment/", "{\"user_id\":\"x\",\"target_samples\":99}").status());
        assertEquals(404, api.post("/api/auth/authentication/", "{\"user_id\":\"nobody\"}").status());
        assertEquals(409, api.post("/api/auth/authentication/", "{\"user_id\":\"sleepy\"}").status(), "not enrolled");
    }

    @Test
    @Order(6)
    void keepsTenantsApart() {
        JsonObject session = open("/api/auth/authentication/", "{\"user_id\":\"simm\",\"require_liveness\":false}");
        Api.Reply foreignFrame = TestData.Multipart.of("session_token", session.getString("session_token"),
                "image", "@identities/John_Simm/000310_00470511.jpg").post(otherTenant, "/api/auth/process-image/");
        assertEquals(404, foreignFrame.status(), foreignFrame::toString);
        assertEquals(404, otherTenant.get("/api/auth/sessions/" + session.getString("session_id") + "/").status());
        assertEquals(404, otherTenant.get("/api/clients/users/" + userIds.get("simm") + "/").status());
        assertEquals(0, otherTenant.get("/api/auth/sessions/").json().getInt("count"));
        assertEquals(404, otherTenant.post("/api/auth/authentication/", "{\"user_id\":\"simm\"}").status());
        JsonObject search = otherTenant.create("/api/auth/authentication/", "{\"require_liveness\":false}");
        JsonObject none = TestData.Multipart.of("session_token", search.getString("session_token"),
                "image", "@identities/John_Simm/000310_00470511.jpg").post(otherTenant, "/api/auth/process-image/").json();
        assertEquals("not_recognized", none.getString("failure_reason"), "identification searches only the caller's people");
    }

    @Test
    @Order(6)
    void onlyTheClientsBackendMayReplaceAnEnrolledFace() {
        Api browser = Api.bearer(Api.anonymous().post("/api/auth/client/", "{\"api_key\":\"" + tenant.apiKey() + "\"}")
                .json().getString("jwt_token"));
        Api.Reply takeover = browser.post("/api/auth/enrollment/", "{\"user_id\":\"savage\"}");
        assertEquals(403, takeover.status(), "the public key alone could otherwise enroll an impostor's face as savage: " + takeover);
        assertEquals("reenrollment_requires_full_scope", takeover.json().getString("error"));
        assertEquals(403, Api.anonymous().header("X-API-Key", tenant.apiKey()).post("/api/enrollment/create/", "{\"user_id\":\"savage\"}").status(),
                "nor with the key header, nor on seed 000's path");
        assertEquals(201, browser.post("/api/auth/enrollment/", "{\"user_id\":\"someone-new\"}").status(), "new people still enroll from a browser");
        assertEquals(201, api.post("/api/auth/enrollment/", "{\"user_id\":\"savage\"}").status(), "the backend may replace a face");

        Api operator = Api.bearer(Tenants.adminToken());
        assertEquals(200, operator.patch("/api/core/clients/" + tenant.id() + "/", "{\"allow_browser_reenrollment\": true}").status());
        assertEquals(201, browser.post("/api/auth/enrollment/", "{\"user_id\":\"savage\"}").status(), "a client may allow it");
        assertEquals(200, operator.patch("/api/core/clients/" + tenant.id() + "/", "{\"allow_browser_reenrollment\": false}").status());
    }

    @Test
    @Order(7)
    void reEnrollmentReplacesTheProfileImageAndSamples() throws Exception {
        String oldUrl = onlyUser("jolie").getString("profile_image_url");
        JsonObject session = open("/api/auth/enrollment/", "{\"user_id\":\"jolie\",\"target_samples\":2}");
        JsonObject last = null;
        for (String photo : List.of("Angelina_Jolie/img7.jpg", "Angelina_Jolie/img4.jpg", "Angelina_Jolie/img2.jpg")) {
            last = frame(session.getString("session_token"), "identities/" + photo);
            if ("completed".equals(last.getString("session_status"))) {
                break;
            }
        }
        assertTrue(last.getBoolean("enrollment_complete"), last::toString);
        assertEquals(404, fetch(oldUrl).statusCode(), "the previous profile image is deleted");
        assertEquals(200, fetch(onlyUser("jolie").getString("profile_image_url")).statusCode());
        try (Connection db = database()) {
            assertEquals(2, count(db, "select count(*) from face_sample where client_user_id = '" + userIds.get("jolie") + "'"));
        }
    }

    @Test
    @Order(8)
    void deletingAPersonLeavesNothingOfTheirFaceInPostgresOrS3() throws Exception {
        JsonObject user = onlyUser("savage");
        String profileUrl = user.getString("profile_image_url");
        String objectName = URI.create(profileUrl).getPath().replaceFirst(".*/(profile_[^/]+)$", "$1");
        assertTrue(s3Files().anyMatch(f -> f.endsWith(objectName)), "profile object on disk before the delete");

        assertEquals(204, api.delete("/api/clients/users/" + user.getString("id") + "/").status());

        assertEquals(404, api.get("/api/clients/users/" + user.getString("id")).status());
        try (Connection db = database()) {
            for (String table : List.of("face_template", "face_sample", "client_user")) {
                String column = table.equals("client_user") ? "id" : "client_user_id";
                assertEquals(0, count(db, "select count(*) from " + table + " where " + column + " = '" + user.getString("id") + "'"), table);
            }
            assertEquals(0, count(db, "select count(*) from face_session where client_user_id = '" + user.getString("id") + "'"),
                    "sessions keep no link to the deleted person");
        }
        assertEquals(404, fetch(profileUrl).statusCode(), "the profile image is gone from S3");
        assertFalse(s3Files().anyMatch(f -> f.endsWith(objectName)), "no profile object file left");

        JsonObject search = open("/api/auth/authentication/", "{\"require_liveness\":false}");
        JsonObject result = frame(search.getString("session_token"), "identities/John_Savage/000299_01099008.jpg");
        assertEquals("not_recognized", result.getString("failure_reason"), "the search index forgot the deleted person");
    }

    @Test
    @Order(9)
    void authenticationWithLivenessNeedsALiveFaceNotAStillOne() {
        String clip = "camera-stream/frames_blink_vga/frame_%04d.jpg";
        JsonObject enrollment = open("/api/auth/enrollment/", "{\"user_id\":\"webcam\"}");
        JsonObject enrolled = null;
        for (int i = 1; i <= 10 && (enrolled == null || !"completed".equals(enrolled.getString("session_status"))); i++) {
            enrolled = frame(enrollment.getString("session_token"), String.format(clip, i * 7));
        }
        assertTrue(enrolled.getBoolean("enrollment_complete"), enrolled::toString);

        JsonObject still = open("/api/auth/authentication/", "{\"user_id\":\"webcam\",\"require_liveness\":true}");
        assertTrue(still.getBoolean("require_liveness"));
        JsonObject stillFrame = null;
        // Frozen for over a second of frames is what marks a spoof; on a fast machine 20 frames take less.
        long started = System.nanoTime();
        for (int i = 0; i < 20 || System.nanoTime() - started < 2_000_000_000L; i++) {
            stillFrame = frame(still.getString("session_token"), String.format(clip, 14));
            assertTrue(stillFrame.getBoolean("frame_accepted"), stillFrame::toString);
        }
        assertEquals("processing", stillFrame.getString("session_status"), "a still face never completes: " + stillFrame);
        assertFalse(stillFrame.getBoolean("liveness_verified"), stillFrame::toString);
        assertTrue(stillFrame.getBoolean("requires_more_frames"));
        assertFalse(stillFrame.isNull("instruction"), "the person is told what to do: " + stillFrame);
        JsonObject stillSession = api.get("/api/auth/sessions/" + still.getString("session_id") + "/").json();
        assertTrue(stillSession.getBoolean("spoof_suspected"), stillSession::toString);
        assertEquals(1, api.get("/api/auth/sessions/?spoof_suspected=true").json().getInt("count"), "spoofing attempts can be listed");

        JsonObject live = open("/api/auth/authentication/", "{\"user_id\":\"webcam\",\"require_liveness\":true,"
                + "\"metadata\":{\"min_frames_required\":3,\"required_blinks\":1}}");
        JsonObject liveFrame = null;
        for (int i = 1; i <= 80; i++) {
            liveFrame = frame(live.getString("session_token"), String.format(clip, i));
            if (!liveFrame.getBoolean("requires_more_frames")) {
                break;
            }
        }
        assertEquals("success", liveFrame.getString("result"), liveFrame::toString);
        assertTrue(liveFrame.getBoolean("liveness_verified"), liveFrame::toString);
        assertTrue(liveFrame.getJsonNumber("liveness_score").doubleValue() > 0.5, liveFrame::toString);
    }

    // --- helpers ---

    private static JsonObject open(String path, String body) {
        return api.create(path, body);
    }

    private static JsonObject frame(String token, String photo) {
        Api.Reply reply = frameReply(token, photo);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    /** Frames alternate between the JSON and the multipart form of process-image, and its seed-000 alias. */
    private static int frames;

    private static Api.Reply frameReply(String token, String photo) {
        return switch (frames++ % 3) {
            case 0 -> api.post("/api/auth/process-image/", "{\"session_token\":\"" + token + "\",\"image\":\"data:image/jpeg;base64,"
                    + TestData.base64(photo) + "\"}");
            case 1 -> TestData.Multipart.of("session_token", token, "image", "@" + photo).post(api, "/api/auth/process-image/");
            default -> TestData.Multipart.of("session_token", token, "image", "@" + photo).post(api, "/api/auth/face/process-frame/");
        };
    }

    private static JsonObject onlyUser(String externalId) {
        Api.Reply reply = api.get("/api/clients/users/?search=" + externalId);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().getJsonArray("results").stream().map(JsonObject.class::cast)
                .filter(u -> u.getString("external_user_id").equals(externalId)).findFirst().orElseThrow();
    }

    private static JsonObject decrypt(JsonObject encryptedData) throws Exception {
        return ResultDecryption.decrypt(encryptedData, tenant.apiSecret());
    }

    private static HttpResponse<Void> fetch(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.discarding());
    }

    private static Stream<String> s3Files() throws IOException {
        Path root = FaceGateServer.dataDirectory().resolve("s3");
        if (!Files.exists(root)) {
            return Stream.empty();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(Path::toString).toList().stream();
        }
    }

    private static Connection database() throws Exception {
        return DriverManager.getConnection(FaceGateServer.jdbcUrl(), "postgres", "");
    }

    private static long count(Connection db, String sql) throws Exception {
        try (ResultSet rows = db.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
