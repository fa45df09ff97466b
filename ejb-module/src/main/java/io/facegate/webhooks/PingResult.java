package io.facegate.webhooks;

import java.util.UUID;

/** What a test ping gave; it is in the endpoint's log under {@code deliveryId}. */
public record PingResult(UUID deliveryId, AttemptResult result) {
}
