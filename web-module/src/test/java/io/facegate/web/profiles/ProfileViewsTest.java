package io.facegate.web.profiles;

import io.facegate.web.http.JsonConfiguration;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seed 002's sync answer keeps its shape: camelCase names, and the fields not known yet as null rather than left out. */
class ProfileViewsTest {

    @Test
    void aRunningSyncHasTheSeedsShapeWithNullsKept() {
        ProfileViews.Sync sync = new ProfileViews.Sync(false, 3, 1, List.of(new ProfileViews.ItemError(UUID.randomUUID(), "emp7", "no_face",
                "image: no face found")), "Syncing: 4 of 10 profiles done", UUID.randomUUID(), 12L, 0, "STARTED",
                new ProfileViews.Progress(4, 10, 2.0, null), Instant.parse("2026-01-01T00:00:00Z"), null, "http://x/api/facial-recognition/sync/1/");
        JsonObject json = Json.createReader(new StringReader(JsonConfiguration.jsonb().toJson(sync))).readObject();
        for (String key : List.of("success", "synced", "failed", "errors", "message", "executionId", "startedAt", "endedAt", "statusUrl")) {
            assertTrue(json.containsKey(key), key + " in " + json);
        }
        assertTrue(json.isNull("endedAt"));
        assertTrue(json.getJsonObject("progress").isNull("etaSeconds"), json::toString);
        assertEquals("emp7", json.getJsonArray("errors").getJsonObject(0).getString("clientId"));
    }
}
