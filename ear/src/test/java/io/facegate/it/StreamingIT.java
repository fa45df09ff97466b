package io.facegate.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seed 003's WebSocket transport on the real server: enrollment and authentication streamed frame
 * by frame with real photos, the encrypted result decrypted independently, and every close code of
 * the seed's table.
 */
@ExtendWith(FaceGateServer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StreamingIT {

    private static final List<String> SIMM_ENROLLMENT = List.of("identities/John_Simm/000288_00470387.jpg",
            "identities/John_Simm/000297_00470170.jpg", "identities/John_Simm/000300_00470148.jpg");
    private static final String SIMM_PROBE = "identities/John_Simm/000310_00470511.jpg";
    private static final String SAVAGE_PROBE = "identities/John_Savage/000299_01099008.jpg";

    private static Tenants.Tenant tenant;
    private static Api api;
    private static String completedToken;

    @BeforeAll
    static void tenant() {
        tenant = Tenants.create("Streaming Co");
        api = tenant.api();
    }

    @Test
    @Order(1)
    void enrollsFromThreeStreamedFramesAndClosesNormally() throws Exception {
        JsonObject session = open("/api/auth/enrollment/", "{\"user_id\":\"simm\",\"metadata\":{\"target_samples\":3}}");
        String url = session.getString("websocket_url");
        assertTrue(url.startsWith("ws://") && url.endsWith("/ws/auth/process-image/" + session.getString("session_token") + "/"), url);
        try (StreamClient stream = StreamClient.connect(url)) {
            JsonObject established = stream.next("connection_established");
            assertEquals("enrollment", established.getString("session_type"));
            assertEquals("pending", established.getString("status"));
            assertEquals(session.getString("session_token"), established.getString("session_token"));
            assertEquals(3, established.getInt("target_samples"));

            for (int i = 0; i < SIMM_ENROLLMENT.size(); i++) {
                stream.sendFrame(SIMM_ENROLLMENT.get(i), "f" + i);
                JsonObject frame = stream.next("frame_processed");
                assertEquals("f" + i, frame.getString("frame_id"), "the client's frame id is echoed");
                assertTrue(frame.getBoolean("success"), frame::toString);
                assertTrue(frame.getBoolean("frame_accepted"), frame::toString);
                assertEquals(i + 1, frame.getInt("frames_processed"));
                assertEquals(3, frame.getInt("target_samples"));
                assertTrue(frame.getJsonNumber("quality_score").doubleValue() > 0, frame::toString);
                assertLivenessFieldsPresent(frame);
                assertEquals(i < 2 ? "processing" : "completed", frame.getString("session_status"));
            }
            JsonObject complete = stream.next("enrollment_complete");
            assertTrue(complete.getBoolean("success"), complete::toString);
            assertEquals(session.getString("enrollment_id"), complete.getString("enrollment_id"));
            assertEquals("simm", complete.getString("user_id"));
            assertEquals(3, complete.getInt("frames_processed"));
            JsonObject result = ResultDecryption.decrypt(complete.getJsonObject("encrypted_data"), tenant.apiSecret());
            assertEquals(session.getString("enrollment_id"), result.getString("id"));
            assertEquals("enrollment", result.getString("session_type"));
            assertEquals(session.getString("session_token"), result.getString("session_token"));
            assertEquals(1000, stream.closed().code());
        }
        JsonObject user = api.get("/api/clients/users/?search=simm").json().getJsonArray("results").getJsonObject(0);
        assertTrue(user.getBoolean("is_enrolled"), user::toString);
    }

    @Test
    @Order(2)
    void authenticatesTheRightPersonWithAResultOnlyTheClientCanRead() throws Exception {
        JsonObject session = open("/api/auth/authentication/", "{\"user_id\":\"simm\",\"require_liveness\":false}");
        completedToken = session.getString("session_token");
        try (StreamClient stream = StreamClient.connect(session.getString("websocket_url"))) {
            JsonObject established = stream.next("connection_established");
            assertEquals("verification", established.getString("session_type"));
            assertEquals("active", established.getString("status"));
            stream.sendFrame(SIMM_PROBE, 1);
            JsonObject frame = stream.next("frame_processed");
            assertEquals(1, frame.getInt("frame_id"));
            assertTrue(frame.getBoolean("success"), frame::toString);
            assertLivenessFieldsPresent(frame);

            JsonObject complete = stream.next("authentication_complete");
            assertTrue(complete.getBoolean("success"), complete::toString);
            assertTrue(complete.getBoolean("authenticated"));
            assertEquals("simm", complete.getString("user_id"));
            assertEquals(1, complete.getInt("frames_processed"));
            double confidence = complete.getJsonNumber("confidence").doubleValue();
            assertTrue(confidence > 0.4, complete::toString);
            JsonObject result = ResultDecryption.decrypt(complete.getJsonObject("encrypted_data"), tenant.apiSecret());
            assertEquals("simm", result.getString("id"));
            assertEquals("verification", result.getString("session_type"));
            assertEquals(confidence, result.getJsonNumber("confidence").doubleValue(), 1e-9);
            assertEquals(1000, stream.closed().code());
        }
        assertEquals("completed", api.get("/api/auth/sessions/" + session.getString("session_id") + "/").json().getString("status"));
    }

    @Test
    @Order(3)
    void streamedFramesAreBilledLikeRestFramesWithTheirTransport() throws Exception {
        JsonObject usage = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            usage = api.get("/api/clients/usage/?method=WEBSOCKET&limit=50").json();
            if (usage.getInt("count") >= 4) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals(4, usage.getInt("count"), "three enrollment frames and one verification frame: " + usage);
        List<String> categories = new ArrayList<>();
        for (JsonValue row : usage.getJsonArray("results")) {
            JsonObject call = row.asJsonObject();
            categories.add(call.getString("endpoint"));
            assertEquals(200, call.getInt("status_code"));
            JsonObject metadata = call.getJsonObject("metadata");
            assertEquals("websocket", metadata.getString("transport"));
            assertEquals("/ws/auth/process-image/", metadata.getString("path"), "the session token is a credential, never stored");
            assertEquals("SessionStreamEndpoint#frame", metadata.getString("view_name"));
        }
        assertEquals(List.of("recognition", "enrollment", "enrollment", "enrollment"), categories, "newest first");
    }

    @Test
    @Order(4)
    void aFailedAuthenticationSaysWhyAndClosesWith4403() {
        JsonObject session = open("/api/auth/authentication/", "{\"user_id\":\"simm\",\"require_liveness\":false}");
        try (StreamClient stream = StreamClient.connect(session.getString("websocket_url"))) {
            stream.next("connection_established");
            stream.sendFrame(SAVAGE_PROBE, 1);
            assertFalse(stream.next("frame_processed").getBoolean("success"));
            JsonObject complete = stream.next("authentication_complete");
            assertFalse(complete.getBoolean("success"), complete::toString);
            assertFalse(complete.getBoolean("authenticated"));
            assertEquals("no_match", complete.getString("failure_reason"));
            assertTrue(complete.isNull("encrypted_data"), "a failed session reveals nothing encrypted");
            assertTrue(complete.isNull("user_id"));
            assertEquals(4403, stream.closed().code());
        }
    }

    @Test
    @Order(5)
    void refusesAReusedTokenAndASecondConnectionWith4400() {
        try (StreamClient reused = StreamClient.connect(websocketUrl(completedToken))) {
            reused.refusedWith(4400, "session_closed");
        }
        JsonObject session = open("/api/auth/enrollment/", "{\"user_id\":\"twice\"}");
        try (StreamClient first = StreamClient.connect(session.getString("websocket_url"))) {
            first.next("connection_established");
            try (StreamClient second = StreamClient.connect(session.getString("websocket_url"))) {
                second.refusedWith(4400, "session_already_streaming");
            }
            first.send("{\"type\":\"ping\"}");
            first.next("pong");
            assertFalse(first.isClosed(), "the first connection is unaffected");
        }
        try (StreamClient afterwards = StreamClient.connect(session.getString("websocket_url"))) {
            afterwards.next("connection_established");
        }
    }

    @Test
    @Order(6)
    void refusesAnUnknownTokenWith4404() {
        try (StreamClient stream = StreamClient.connect(websocketUrl("fs_no-such-session"))) {
            stream.refusedWith(4404, "not_found");
        }
    }

    @Test
    @Order(7)
    void closesExpiredSessionsWith4401AtConnectMidStreamAndWhenQuiet() throws Exception {
        JsonObject atConnect = open("/api/auth/enrollment/", "{\"user_id\":\"sleepy\"}");
        expire(atConnect.getString("session_id"));
        try (StreamClient stream = StreamClient.connect(atConnect.getString("websocket_url"))) {
            stream.refusedWith(4401, "session_expired");
        }

        JsonObject midStream = open("/api/auth/enrollment/", "{\"user_id\":\"sleepy\",\"target_samples\":3}");
        try (StreamClient stream = StreamClient.connect(midStream.getString("websocket_url"))) {
            stream.next("connection_established");
            stream.sendFrame(SIMM_ENROLLMENT.get(0), 1);
            stream.next("frame_processed");
            expire(midStream.getString("session_id"));
            stream.sendFrame(SIMM_ENROLLMENT.get(1), 2);
            stream.refusedWith(4401, "session_expired");
        }
        assertEquals("expired", api.get("/api/auth/sessions/" + midStream.getString("session_id") + "/").json().getString("status"));

        JsonObject quiet = open("/api/auth/enrollment/", "{\"user_id\":\"sleepy\"}");
        try (StreamClient stream = StreamClient.connect(quiet.getString("websocket_url"))) {
            stream.next("connection_established");
            expire(quiet.getString("session_id"));
            // No frame is sent: the server's sweep of quiet streams finds the session expired.
            stream.refusedWith(4401, "session_expired");
        }
    }

    @Test
    @Order(8)
    void refusesADisabledClientWith4403() {
        Tenants.Tenant disabled = Tenants.create("Disabled Streaming Co");
        JsonObject session = disabled.api().create("/api/auth/enrollment/", "{\"user_id\":\"someone\"}");
        Api.Reply off = Api.bearer(Tenants.adminToken()).post("/api/core/clients/" + disabled.id() + "/disable/", "{}");
        assertEquals(200, off.status(), off::toString);
        try (StreamClient stream = StreamClient.connect(session.getString("websocket_url"))) {
            stream.refusedWith(4403, "client_disabled");
        }
    }

    @Test
    @Order(8)
    void disablingTheClientClosesItsOpenStreamAtTheNextFrame() {
        Tenants.Tenant disabled = Tenants.create("Disabled Mid-Stream Co");
        JsonObject session = disabled.api().create("/api/auth/enrollment/", "{\"user_id\":\"someone\"}");
        try (StreamClient stream = StreamClient.connect(session.getString("websocket_url"))) {
            stream.next("connection_established");
            Api.Reply off = Api.bearer(Tenants.adminToken()).post("/api/core/clients/" + disabled.id() + "/disable/", "{}");
            assertEquals(200, off.status(), off::toString);
            stream.sendFrame(SIMM_PROBE, "after-disable");
            stream.refusedWith(4403, "client_disabled");
        }
    }

    @Test
    @Order(9)
    void refusesPagesFromOriginsTheClientDidNotAllowWith4403() {
        Tenants.Tenant guarded = Tenants.create("Guarded Streaming Co");
        Api.Reply patched = Api.bearer(Tenants.adminToken()).patch("/api/core/clients/" + guarded.id() + "/",
                "{\"allowed_origins\":[\"https://app.guarded.example\"]}");
        assertEquals(200, patched.status(), patched::toString);
        Api guardedApi = guarded.api();
        String foreign = guardedApi.create("/api/auth/enrollment/", "{\"user_id\":\"someone\"}").getString("websocket_url");
        try (StreamClient stream = StreamClient.connect(foreign, "https://evil.example")) {
            stream.refusedWith(4403, "origin_not_allowed");
        }
        try (StreamClient stream = StreamClient.connect(foreign, "https://app.guarded.example")) {
            stream.next("connection_established");
        }
        String backend = guardedApi.create("/api/auth/enrollment/", "{\"user_id\":\"someone\"}").getString("websocket_url");
        try (StreamClient stream = StreamClient.connect(backend)) {
            assertEquals("connection_established", stream.next().getString("type"), "a non-browser client sends no Origin");
        }
    }

    @Test
    @Order(10)
    void throttlesFramesOverTenPerSecondAndClosesAFloodWith4429() {
        JsonObject session = open("/api/auth/enrollment/", "{\"user_id\":\"flood\",\"target_samples\":10}");
        try (StreamClient stream = StreamClient.connect(session.getString("websocket_url"))) {
            stream.next("connection_established");
            // 50 frames use up the burst allowance, 20 more in a row over it close the connection.
            for (int i = 0; i < 100 && !stream.isClosed(); i++) {
                try {
                    stream.sendFrame(SIMM_ENROLLMENT.get(0), i);
                } catch (CompletionException e) {
                    break; // closed by the server while this frame was on its way
                }
            }
            JsonObject message;
            int refused = 0;
            do {
                message = stream.next();
                if (message.getString("type").equals("error")) {
                    assertEquals(4429, message.getInt("code"), message::toString);
                    refused++;
                }
            } while (refused < 20);
            assertEquals(4429, stream.closed().code());
        }
    }

    @Test
    @Order(11)
    void answersPingsAndBadMessagesWithoutClosing() {
        JsonObject session = open("/api/auth/enrollment/", "{\"user_id\":\"chatty\",\"target_samples\":10}");
        String withoutSlash = session.getString("websocket_url").replaceAll("/$", "");
        try (StreamClient stream = StreamClient.connect(withoutSlash)) {
            stream.next("connection_established");
            stream.send("{\"type\":\"ping\"}");
            stream.next("pong");
            stream.send("not json");
            assertError(stream.next("error"), "invalid_json");
            stream.send("{\"type\":\"selfie\"}");
            assertError(stream.next("error"), "unknown_message_type");
            stream.send("{\"type\":\"frame\"}");
            assertError(stream.next("error"), "missing_image");
            stream.send("{\"type\":\"frame\",\"image\":\"not*base64\"}");
            assertError(stream.next("error"), "invalid_base64");
            stream.sendFrame("detection/invalid_images/corrupted.png", "broken");
            assertError(stream.next("error"), "invalid_image");
            stream.sendFrame("detection/no_face/dlib_mmod_cars_test_image.jpg", "cars");
            JsonObject noFace = stream.next("frame_processed");
            assertFalse(noFace.getBoolean("frame_accepted"));
            assertEquals("no_face", noFace.getJsonObject("rejection").getString("code"));
            assertEquals("move into the frame", noFace.getString("instruction"));

            stream.send("{\"type\":\"ping\"}");
            stream.next("pong");
            assertFalse(stream.isClosed(), "bad messages are answered, not punished with a close");
        }
    }

    @Test
    @Order(12)
    void aMessageOverFourMebibytesClosesTheConnectionAsTooBig() {
        JsonObject session = open("/api/auth/enrollment/", "{\"user_id\":\"huge\"}");
        try (StreamClient stream = StreamClient.connect(session.getString("websocket_url"))) {
            stream.next("connection_established");
            try {
                stream.send("{\"type\":\"frame\",\"image\":\"" + "A".repeat(5 * 1024 * 1024) + "\"}");
            } catch (CompletionException e) {
                // The server may close before the last bytes are written: the close code is what counts.
            }
            assertEquals(1009, stream.closed().code());
        }
    }

    @Test
    @Order(13)
    void aFrameSentWhileAnotherIsAnalysedWaitsAndOnlyTheNewestWaitingFrameIsKept() {
        JsonObject session = open("/api/auth/enrollment/", "{\"user_id\":\"burst\",\"target_samples\":10}");
        try (StreamClient stream = StreamClient.connect(session.getString("websocket_url"))) {
            stream.next("connection_established");
            for (int i = 1; i <= 5; i++) {
                stream.sendFrame(SIMM_ENROLLMENT.get(0), i);
            }
            List<Integer> answered = new ArrayList<>();
            while (answered.isEmpty() || answered.get(answered.size() - 1) != 5) {
                answered.add(stream.next("frame_processed").getInt("frame_id"));
            }
            assertEquals(1, answered.get(0), "the first frame is analysed at once");
            for (int i = 1; i < answered.size(); i++) {
                assertTrue(answered.get(i) > answered.get(i - 1), "frames are answered in order: " + answered);
            }
            assertTrue(answered.size() < 5, "frames superseded while one was analysed are skipped: " + answered);
        }
    }

    @Test
    @Order(14)
    void aLiveFaceStreamedFromACameraPassesLiveness() throws Exception {
        String clip = "camera-stream/frames_blink_vga/frame_%04d.jpg";
        JsonObject enrollment = open("/api/auth/enrollment/", "{\"user_id\":\"webcam\"}");
        try (StreamClient stream = StreamClient.connect(enrollment.getString("websocket_url"))) {
            stream.next("connection_established");
            for (int i = 1; i <= 10; i++) {
                stream.sendFrame(String.format(clip, i * 7), i);
                if (stream.next("frame_processed").getString("session_status").equals("completed")) {
                    break;
                }
            }
            assertTrue(stream.next("enrollment_complete").getBoolean("success"));
        }

        JsonObject session = open("/api/auth/authentication/", "{\"user_id\":\"webcam\",\"require_liveness\":true,"
                + "\"metadata\":{\"min_frames_required\":3,\"required_blinks\":1}}");
        try (StreamClient stream = StreamClient.connect(session.getString("websocket_url"))) {
            stream.next("connection_established");
            JsonObject frame = null;
            for (int i = 1; i <= 80; i++) {
                stream.sendFrame(String.format(clip, i), i);
                frame = stream.next("frame_processed");
                assertLivenessFieldsPresent(frame);
                if (!frame.getString("session_status").equals("processing")) {
                    break;
                }
            }
            assertEquals("completed", frame.getString("session_status"), frame::toString);
            JsonObject complete = stream.next("authentication_complete");
            assertTrue(complete.getBoolean("authenticated"), complete::toString);
            assertTrue(complete.getBoolean("liveness_verified"), complete::toString);
            double liveness = complete.getJsonNumber("liveness_score").doubleValue();
            assertTrue(liveness > 0 && liveness <= 1, complete::toString);
            assertEquals("webcam", ResultDecryption.decrypt(complete.getJsonObject("encrypted_data"), tenant.apiSecret()).getString("id"));
            assertEquals(1000, stream.closed().code());
        }
    }

    // --- helpers ---

    private static void assertLivenessFieldsPresent(JsonObject frame) {
        assertTrue(frame.containsKey("liveness_verified") && frame.containsKey("liveness_score"), frame::toString);
        if (frame.get("liveness_score").getValueType() == JsonValue.ValueType.NUMBER) {
            double score = frame.getJsonNumber("liveness_score").doubleValue();
            assertTrue(score >= 0 && score <= 1, frame::toString);
        }
    }

    private static void assertError(JsonObject error, String errorCode) {
        assertEquals(4400, error.getInt("code"), error::toString);
        assertEquals(errorCode, error.getString("error_code"), error::toString);
        assertNotEquals("", error.getString("error"));
    }

    private static String websocketUrl(String token) {
        return FaceGateServer.baseUrl().replaceFirst("^http", "ws") + "/ws/auth/process-image/" + token + "/";
    }

    private static JsonObject open(String path, String body) {
        return api.create(path, body);
    }

    private static void expire(String sessionId) throws Exception {
        try (Connection db = DriverManager.getConnection(FaceGateServer.jdbcUrl(), "postgres", "");
             PreparedStatement update = db.prepareStatement("update face_session set expires_at = now() - interval '1 second' where id = ?")) {
            update.setObject(1, UUID.fromString(sessionId));
            assertEquals(1, update.executeUpdate());
        }
    }
}
