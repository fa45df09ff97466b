package io.facegate.webhooks;

/** A delivery and what its attempt gave. */
public record SentDelivery(OutgoingDelivery delivery, AttemptResult result) {
}
