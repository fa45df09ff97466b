package io.facegate.it;

import io.facegate.cameras.CameraClips;
import jakarta.json.JsonObject;

import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The person of the camera clips' blink sequence, enrolled over REST sessions from frames of the clip itself. */
public final class BlinkPerson {

    public static final List<byte[]> FRAMES = CameraClips.frames("frames_blink_vga");
    public static final String EXTERNAL_ID = "aoc";

    private BlinkPerson() {
    }

    /** Enrolls the person for the tenant of {@code api}; returns their FaceGate id. */
    public static String enroll(Api api) {
        JsonObject session = api.create("/api/auth/enrollment/",
                "{\"user_id\": \"" + EXTERNAL_ID + "\", \"display_name\": \"Blink Clip\", \"metadata\": {\"target_samples\": 3}}");
        JsonObject last = null;
        for (int i = 20; i < 40 && (last == null || !"completed".equals(last.getString("session_status"))); i += 3) {
            last = api.post("/api/auth/process-image/", "{\"session_token\": \"" + session.getString("session_token")
                    + "\", \"image\": \"data:image/jpeg;base64," + Base64.getEncoder().encodeToString(FRAMES.get(i)) + "\"}").json();
        }
        assertEquals("completed", last.getString("session_status"), last::toString);
        return api.get("/api/clients/users/?search=" + EXTERNAL_ID).json().getJsonArray("results").getJsonObject(0).getString("id");
    }
}
