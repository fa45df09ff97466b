package io.facegate.webhooks;

import io.facegate.domain.webhooks.WebhookEndpoint;

/** An endpoint with its new signing secret, which is shown this once. */
public record CreatedWebhook(WebhookEndpoint endpoint, String secret) {
}
