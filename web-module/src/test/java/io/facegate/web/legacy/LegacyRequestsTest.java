package io.facegate.web.legacy;

import io.facegate.domain.detections.DetectionEvent;
import io.facegate.web.http.JsonConfiguration;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Seed 002's bodies bind as its Next.js application sends them: camelCase where the seed writes camelCase. */
class LegacyRequestsTest {

    @Test
    void theSeedsRegisterBodyBinds() {
        LegacyUserResource.UserRequest request = JsonConfiguration.jsonb().fromJson("{\"name\": \"John Doe\", \"clientId\": \"client-id\","
                + " \"imageUrl\": \"https://photos.example.com/john.jpg\", \"encoding\": [0.1, -0.2, 3]}", LegacyUserResource.UserRequest.class);
        assertEquals("John Doe", request.name());
        assertEquals("client-id", request.personId());
        assertEquals("https://photos.example.com/john.jpg", request.imageUrl());
        assertEquals(List.of(0.1, -0.2, 3.0), request.encoding());
        assertNull(request.model());
    }

    @Test
    void userIdWinsOverClientId() {
        LegacyUserResource.UserRequest request = JsonConfiguration.jsonb().fromJson("{\"clientId\": \"c\", \"userId\": \" u \"}",
                LegacyUserResource.UserRequest.class);
        assertEquals("u", request.personId());
    }

    @Test
    void aResultHasTheSeedsShape() {
        LegacyViews.Result result = new LegacyViews.Result(Instant.parse("2024-01-15T10:30:00Z"), "John Doe", 0.95, 0.05,
                new DetectionEvent.Box(100, 200, 300, 50), "CAM1", "MATCHED", "client-id", UUID.randomUUID());
        JsonObject json = Json.createReader(new StringReader(JsonConfiguration.jsonb().toJson(new LegacyViews.Latest(true, result)))).readObject()
                .getJsonObject("result");
        assertEquals("2024-01-15T10:30:00Z", json.getString("timestamp"));
        assertEquals("John Doe", json.getString("name"));
        assertEquals(0.95, json.getJsonNumber("confidence").doubleValue());
        assertEquals(0.05, json.getJsonNumber("distance").doubleValue());
        JsonObject box = json.getJsonObject("box");
        assertEquals(List.of(100, 200, 300, 50), List.of(box.getInt("top"), box.getInt("right"), box.getInt("bottom"), box.getInt("left")));
        assertEquals("CAM1", json.getString("camera_id"));
        assertEquals("client-id", json.getString("user_id"));
    }

    @Test
    void theConfigBodyBindsInSnakeCase() {
        LegacyRecognitionResource.ConfigRequest config = JsonConfiguration.jsonb().fromJson(
                "{\"stream_url\": \"http://192.168.1.100:81/stream\", \"threshold\": 0.6, \"detect_fps\": 3}",
                LegacyRecognitionResource.ConfigRequest.class);
        assertEquals("http://192.168.1.100:81/stream", config.streamUrl());
        assertEquals(0.6, config.threshold());
        assertEquals(3, config.detectFps());
    }
}
