package io.facegate.webhooks;

import io.facegate.domain.webhooks.WebhookFormat;

import java.util.ArrayList;
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

    /** The API names of the fields set (not their values: the bearer token is a secret). */
    public List<String> fieldsSet() {
        List<String> set = new ArrayList<>();
        if (url != null) {
            set.add("url");
        }
        if (events != null) {
            set.add("events");
        }
        if (description != null) {
            set.add("description");
        }
        if (active != null) {
            set.add("is_active");
        }
        if (format != null) {
            set.add("format");
        }
        if (bearerToken != null) {
            set.add("bearer_token");
        }
        return set;
    }
}
