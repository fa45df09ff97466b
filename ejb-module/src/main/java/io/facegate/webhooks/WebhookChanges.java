package io.facegate.webhooks;

import io.facegate.domain.webhooks.WebhookFormat;

import java.util.List;

/**
 * What a client sets on an endpoint; null leaves a value as it is (a new endpoint is active, in
 * the standard format, without description or bearer token).
 *
 * @param description blank clears it
 * @param bearerToken blank removes it
 */
public record WebhookChanges(String url, List<String> events, String description, Boolean active, WebhookFormat format,
                             String bearerToken) {
}
