package io.facegate.webhooks;

import io.facegate.domain.webhooks.WebhookAttempt;
import io.facegate.domain.webhooks.WebhookDelivery;

import java.util.List;

/** A delivery with every attempt to send it, first to last. */
public record DeliveryRecord(WebhookDelivery delivery, List<WebhookAttempt> attempts) {
}
