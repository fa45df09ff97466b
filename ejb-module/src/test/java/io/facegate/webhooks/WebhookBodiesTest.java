package io.facegate.webhooks;

import io.facegate.domain.webhooks.WebhookFormat;
import io.facegate.domain.detections.DetectionEvent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The bodies endpoints receive, in both formats, and the two seed integrations' shapes exactly. */
class WebhookBodiesTest {

    private static final Instant AT = Instant.parse("2024-03-15T08:45:23Z");
    private static final UUID CLIENT = UUID.randomUUID();

    @Test
    void standardIsTypeTimestampAndDataAndLegacyIsSeed004sEnvelope() {
        WebhookEvent event = WebhookEvent.of(CLIENT, "client_user.deleted", AT, EventData.create()
                .put("user_id", "user123").put("client_user_id", null).put("deleted_at", AT).build());
        assertEquals(parse("{\"type\": \"client_user.deleted\", \"timestamp\": \"2024-03-15T08:45:23Z\", \"data\": "
                + "{\"user_id\": \"user123\", \"client_user_id\": null, \"deleted_at\": \"2024-03-15T08:45:23Z\"}}"),
                parse(event.body(WebhookFormat.STANDARD)));
        assertEquals(parse("{\"event\": \"client_user.deleted\", \"timestamp\": \"2024-03-15T08:45:23Z\", \"data\": "
                + "{\"user_id\": \"user123\", \"client_user_id\": null, \"deleted_at\": \"2024-03-15T08:45:23Z\"}}"),
                parse(event.body(WebhookFormat.FACEGATE_LEGACY)));
    }

    @Test
    void attendanceLoggedInTheLegacyFormatIsSeed004sBody() {
        WebhookEvent event = WebhookEvent.of(CLIENT, "attendance_logged", AT,
                SeedBodies.attendance(new SeedBodies.Attendance("FAC001", "John Doe", "CAM001", 0.97)));
        // Seed 004, "Webhook Endpoints", POST /webhooks/attendance/, verbatim.
        assertEquals(parse("""
                {
                  "event": "attendance_logged",
                  "timestamp": "2024-03-15T08:45:23Z",
                  "data": {
                    "employee_id": "FAC001",
                    "name": "John Doe",
                    "camera_id": "CAM001",
                    "confidence": 0.97
                  }
                }"""), parse(event.body(WebhookFormat.FACEGATE_LEGACY)));
    }

    @Test
    void detectionInTheLegacyFormatIsSeed002sBody() {
        SeedBodies.Detection seen = new SeedBodies.Detection(Instant.parse("2024-01-15T10:30:00Z"), "John Doe", 0.95, 0.2,
                new DetectionEvent.Box(100, 200, 300, 50), "camera-id", "http://admin:hunter2@192.168.1.100:81/stream");
        WebhookEvent event = WebhookEvent.of(CLIENT, "detection.created", seen.timestamp(), EventData.create().build())
                .withLegacyBody(SeedBodies.detection(seen));
        // Seed 002, "Webhook (Python API -> Next.js)", with the camera's credentials left out.
        assertEquals(parse("""
                {
                  "result": {
                    "timestamp": "2024-01-15T10:30:00Z",
                    "name": "John Doe",
                    "confidence": 0.95,
                    "distance": 0.2,
                    "box": {
                      "top": 100,
                      "right": 200,
                      "bottom": 300,
                      "left": 50
                    }
                  },
                  "camera_id": "camera-id",
                  "camera_stream_url": "http://192.168.1.100:81/stream"
                }"""), parse(event.body(WebhookFormat.FACEGATE_LEGACY)));
        assertEquals("detection.created", parse(event.body(WebhookFormat.STANDARD)).getString("type"),
                "standard endpoints get the standard envelope whatever the legacy body");
    }

    @Test
    void anUnknownFaceIsUnknownAndAnUnreadableStreamUrlIsLeftOut() {
        JsonObject body = SeedBodies.detection(new SeedBodies.Detection(AT, null, null, null, null, "CAM002", "http://bad host/x"));
        assertEquals(SeedBodies.UNKNOWN_NAME, body.getJsonObject("result").getString("name"));
        assertEquals(JsonObject.NULL, body.getJsonObject("result").get("box"));
        assertEquals(JsonObject.NULL, body.get("camera_stream_url"));
        assertNull(SeedBodies.withoutCredentials(null));
        assertEquals("rtsp://cam.lan:554/live?channel=1", SeedBodies.withoutCredentials("rtsp://u:p@cam.lan:554/live?channel=1"));
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
