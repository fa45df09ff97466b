package io.facegate.web.webhooks;

import io.facegate.domain.webhooks.WebhookEndpoint;
import io.facegate.webhooks.CreatedWebhook;
import jakarta.json.bind.annotation.JsonbNillable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A webhook as the API shows it: never its bearer token; its signing {@code secret} only in the
 * answer that created it (POST, rotate-secret), absent otherwise.
 *
 * @param previousSecretExpiresAt until when the previous secret still signs, during a rotation's overlap
 * @param disabledReason          {@code gone} (410) or {@code failing} when FaceGate disabled it
 * @param failingSince            since when every attempt has failed
 */
public record WebhookView(UUID id, String url, String description, List<String> events, String format, boolean isActive,
                          boolean hasBearerToken, Instant previousSecretExpiresAt, String disabledReason, Instant disabledAt,
                          Instant failingSince, Instant createdAt, Instant updatedAt,
                          @JsonbNillable(false) String secret) {

    public static WebhookView of(WebhookEndpoint endpoint) {
        return of(endpoint, null);
    }

    public static WebhookView withSecret(CreatedWebhook created) {
        return of(created.endpoint(), created.secret());
    }

    private static WebhookView of(WebhookEndpoint endpoint, String secret) {
        Instant overlapEnd = endpoint.getPreviousSecretExpiresAt();
        return new WebhookView(endpoint.getId(), endpoint.getUrl(), endpoint.getDescription(), endpoint.getEvents(),
                endpoint.getFormat().apiName(), endpoint.isActive(), endpoint.getBearerTokenSealed() != null,
                overlapEnd != null && overlapEnd.isAfter(Instant.now()) ? overlapEnd : null,
                endpoint.getDisabledReason() == null ? null : endpoint.getDisabledReason().apiName(), endpoint.getDisabledAt(),
                endpoint.getFailingSince(), endpoint.getCreatedAt(), endpoint.getUpdatedAt(), secret);
    }
}
