package io.facegate.webhooks;

import io.facegate.domain.webhooks.AttemptTrigger;

import java.util.UUID;

/** A claimed delivery: its id (the {@code webhook-id}) and the exact body to sign and send. */
public record OutgoingDelivery(UUID id, String eventType, String payload, AttemptTrigger trigger) {
}
