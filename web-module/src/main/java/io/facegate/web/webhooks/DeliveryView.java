package io.facegate.web.webhooks;

import io.facegate.domain.webhooks.WebhookAttempt;
import io.facegate.domain.webhooks.WebhookDelivery;
import io.facegate.webhooks.DeliveryRecord;
import io.facegate.web.http.JsonDocuments;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbNillable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One delivery of the log. Its {@code id} is the {@code webhook-id} header of every attempt. The
 * {@code payload} (the exact body sent) and the {@code attempts} appear when one delivery is asked for.
 */
public record DeliveryView(UUID id, String event, String status, int attemptCount, Integer lastStatusCode, String lastError,
                           Instant lastAttemptAt, Instant nextAttemptAt, Instant createdAt,
                           @JsonbNillable(false) JsonObject payload,
                           @JsonbNillable(false) List<AttemptView> attempts) {

    /** One attempt: what the receiver answered (at most 4 KB of it), or why nothing came back. */
    public record AttemptView(int attempt, String trigger, Instant startedAt, double latencyMs, Integer statusCode,
                              String responseExcerpt, String error, Instant nextAttemptAt) {

        static AttemptView of(WebhookAttempt attempt) {
            return new AttemptView(attempt.getAttemptNumber(), attempt.getTrigger().apiName(), attempt.getStartedAt(),
                    attempt.getLatencyMs(), attempt.getStatusCode(), attempt.getResponseExcerpt(), attempt.getError(),
                    attempt.getNextAttemptAt());
        }
    }

    public static DeliveryView summary(WebhookDelivery delivery) {
        return of(delivery, null, null);
    }

    public static DeliveryView detail(DeliveryRecord record) {
        return of(record.delivery(), JsonDocuments.object(record.delivery().getPayload()),
                record.attempts().stream().map(AttemptView::of).toList());
    }

    private static DeliveryView of(WebhookDelivery delivery, JsonObject payload, List<AttemptView> attempts) {
        return new DeliveryView(delivery.getId(), delivery.getEventType(), delivery.getStatus().apiName(), delivery.getAttemptCount(),
                delivery.getLastStatusCode(), delivery.getLastError(), delivery.getLastAttemptAt(), delivery.getNextAttemptAt(),
                delivery.getCreatedAt(), payload, attempts);
    }
}
