package io.facegate.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cameras (seed 004) on the real server: registration, edits, masking, the egress policy, tenant isolation. */
@ExtendWith(FaceGateServer.class)
class CamerasIT {

    private static Api api;
    private static Api stranger;

    @BeforeAll
    static void tenants() {
        api = Tenants.create("Cameras Co").api();
        stranger = Tenants.create("Camera Stranger Co").api();
    }

    @Test
    void seedBodyRegistersAnRtspCameraWithItsPasswordSealedAndMasked() throws Exception {
        JsonObject camera = api.create("/api/v1/cameras/", """
                {"id": "CAM002", "name": "Library Entrance", "location": "Library Building", "ip_address": "192.168.1.101",
                 "rtsp_url": "rtsp://admin:password@192.168.1.101:554/stream", "username": "admin",
                 "password": "camera_password", "is_active": false}""");
        assertEquals("CAM002", camera.getString("id"));
        assertEquals("rtsp", camera.getString("source_kind"));
        assertEquals("rtsp://admin:****@192.168.1.101:554/stream", camera.getString("rtsp_url"));
        assertEquals("inactive", camera.getString("status"));
        assertEquals(5, camera.getInt("detect_fps"));
        assertTrue(camera.getBoolean("has_password"));
        assertFalse(camera.containsKey("password"));
        String listed = api.get("/api/v1/cameras/").body();
        for (String body : new String[]{camera.toString(), listed, api.get("/api/v1/cameras/CAM002").body()}) {
            assertFalse(body.contains("camera_password"), body);
            assertFalse(body.contains(":password@"), body);
        }
        try (Connection db = FaceGateServer.database();
             PreparedStatement query = db.prepareStatement("select stream_url, password_sealed from camera where code = 'CAM002'")) {
            ResultSet row = query.executeQuery();
            assertTrue(row.next());
            assertEquals("rtsp://192.168.1.101:554/stream", row.getString(1), "URLs are stored without credentials");
            assertTrue(row.getString(2).startsWith("v1:"), "sealed with the master key");
            assertFalse(row.getString(2).contains("camera_password"));
        }
    }

    @Test
    void anEsp32IsRegisteredByItsAddressAndEditedInPlace() {
        JsonObject camera = api.create("/api/v1/cameras/",
                "{\"id\": \"ESP-1\", \"name\": \"Door\", \"ip_address\": \"192.168.4.20\", \"is_active\": false}");
        assertEquals("mjpeg", camera.getString("source_kind"));
        assertEquals("http://192.168.4.20:81/stream", camera.getString("stream_url"));
        assertEquals("http://192.168.4.20/capture", camera.getString("snapshot_url"));
        assertTrue(camera.isNull("rtsp_url"));
        assertEquals(409, api.post("/api/v1/cameras/", "{\"id\": \"ESP-1\", \"name\": \"Again\", \"ip_address\": \"192.168.4.21\"}").status());

        JsonObject patched = api.patch("/api/v1/cameras/ESP-1/", "{\"name\": \"Front door\", \"detect_fps\": 2, \"match_threshold\": 0.5}").json();
        assertEquals("Front door", patched.getString("name"));
        assertEquals(2, patched.getInt("detect_fps"));
        assertEquals("http://192.168.4.20:81/stream", patched.getString("stream_url"), "omitted fields are kept");
        JsonObject replaced = api.put("/api/v1/cameras/ESP-1", "{\"name\": \"Door\", \"ip_address\": \"192.168.4.20\", \"is_active\": false}").json();
        assertEquals(5, replaced.getInt("detect_fps"), "a replacement resets what it omits");
        assertTrue(replaced.isNull("match_threshold"));

        assertEquals(204, api.delete("/api/v1/cameras/ESP-1/").status());
        assertEquals(404, api.get("/api/v1/cameras/ESP-1/").status());
    }

    @Test
    void badBodiesAreRefusedWithTheFieldNamed() {
        Api.Reply tooFast = api.post("/api/v1/cameras/", "{\"id\": \"BAD\", \"name\": \"x\", \"ip_address\": \"10.0.0.2\", \"detect_fps\": 60}");
        assertEquals(400, tooFast.status(), tooFast::toString);
        assertEquals("invalid_camera", tooFast.json().getString("error"));
        assertTrue(tooFast.json().getString("message").contains("detect_fps"), tooFast::toString);
        assertEquals(400, api.post("/api/v1/cameras/", "{\"id\": \"bad id\", \"name\": \"x\", \"ip_address\": \"10.0.0.2\"}").status());
        assertEquals("missing_stream_url", api.post("/api/v1/cameras/", "{\"id\": \"NOURL\", \"name\": \"x\"}").json().getString("error"));
        assertEquals(400, api.post("/api/v1/cameras/", "{\"id\": ").status());
    }

    @Test
    void theEgressPolicyRefusesMetadataAndForeignSchemes() {
        Api.Reply metadata = api.post("/api/v1/cameras/", "{\"id\": \"META\", \"name\": \"x\", \"stream_url\": \"http://169.254.169.254/latest/meta-data/\"}");
        assertEquals(422, metadata.status(), metadata::toString);
        assertEquals("egress_refused", metadata.json().getString("error"));
        assertEquals("cloud_metadata", metadata.json().getJsonObject("details").getString("reason"));
        Api.Reply ftp = api.post("/api/v1/cameras/", "{\"id\": \"FTP\", \"name\": \"x\", \"stream_url\": \"ftp://192.168.1.5/cam.jpg\"}");
        assertEquals(422, ftp.status());
        assertEquals("scheme", ftp.json().getJsonObject("details").getString("reason"));
        assertEquals(404, api.get("/api/v1/cameras/META/").status());
    }

    @Test
    void anotherTenantsCameraIdsAre404LikeMissingOnes() {
        api.create("/api/v1/cameras/", "{\"id\": \"PRIVATE-1\", \"name\": \"Vault\", \"ip_address\": \"10.9.9.9\", \"is_active\": false}");
        String missing = stranger.get("/api/v1/cameras/NO-SUCH-CAMERA/").body();
        for (String path : new String[]{"/api/v1/cameras/PRIVATE-1/", "/api/v1/cameras/PRIVATE-1"}) {
            Api.Reply get = stranger.get(path);
            assertEquals(404, get.status());
            assertEquals(missing, get.body(), "a foreign id reads exactly like a missing one");
            assertEquals(404, stranger.patch(path, "{\"name\": \"Mallory\"}").status());
            assertEquals(404, stranger.put(path, "{\"name\": \"Mallory\", \"ip_address\": \"10.0.0.1\"}").status());
            assertEquals(404, stranger.delete(path).status());
        }
        assertEquals(0, stranger.get("/api/v1/cameras/").json().getInt("count"));
        assertEquals("Vault", api.get("/api/v1/cameras/PRIVATE-1/").json().getString("name"));
        // the same code is free for another tenant
        stranger.create("/api/v1/cameras/", "{\"id\": \"PRIVATE-1\", \"name\": \"Mine\", \"ip_address\": \"10.1.1.1\", \"is_active\": false}");
    }
}
