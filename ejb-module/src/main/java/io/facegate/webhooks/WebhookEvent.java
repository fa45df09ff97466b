package io.facegate.webhooks;

import io.facegate.domain.shared.JsonProcessing;
import io.facegate.domain.webhooks.WebhookFormat;
import jakarta.json.JsonObject;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One fact of one client, ready for its endpoints: the type, when it happened and its data (ids
 * and facts, never face images or templates).
 *
 * @param legacyBody the whole {@code facegate-legacy} body when a seed fixed its shape (seed 002's
 *                   detections), or null for the seed 004 envelope {@code {event, timestamp, data}}
 */
public record WebhookEvent(UUID clientId, String type, Instant occurredAt, JsonObject data, JsonObject legacyBody) {

    public WebhookEvent {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(data, "data");
    }

    public static WebhookEvent of(UUID clientId, String type, Instant occurredAt, JsonObject data) {
        return new WebhookEvent(clientId, type, occurredAt, data, null);
    }

    public WebhookEvent withLegacyBody(JsonObject body) {
        return new WebhookEvent(clientId, type, occurredAt, data, body);
    }

    /** The body an endpoint of {@code format} receives, exactly as it is signed and sent. */
    public String body(WebhookFormat format) {
        if (format == WebhookFormat.FACEGATE_LEGACY && legacyBody != null) {
            return legacyBody.toString();
        }
        return JsonProcessing.PROVIDER.createObjectBuilder()
                .add(format == WebhookFormat.STANDARD ? "type" : "event", type)
                .add("timestamp", EventData.timestamp(occurredAt))
                .add("data", data)
                .build().toString();
    }
}
