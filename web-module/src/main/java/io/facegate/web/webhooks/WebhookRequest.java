package io.facegate.web.webhooks;

import io.facegate.domain.webhooks.WebhookEndpoint;
import io.facegate.domain.webhooks.WebhookFormat;
import io.facegate.webhooks.WebhookChanges;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;

import java.util.List;

/**
 * A webhook as a client sends it. PATCH may leave anything out; POST and PUT (the {@link Complete}
 * group) need {@code url} and {@code events}. {@code bearer_token} is write-only: left out it stays
 * as it is, an empty string removes it.
 */
public record WebhookRequest(
        @NotBlank(groups = Complete.class) @Size(max = WebhookEndpoint.MAX_URL_LENGTH) String url,
        @NotEmpty(groups = Complete.class) @Size(max = 100) List<@NotNull @Size(min = 1, max = 64) String> events,
        @Size(max = WebhookEndpoint.MAX_DESCRIPTION_LENGTH) String description,
        Boolean isActive,
        @Pattern(regexp = "standard|facegate-legacy", message = "must be standard or facegate-legacy") String format,
        @Size(max = 1024) String bearerToken) {

    /** Declared, so that the constraints stay on the fields (see {@link io.facegate.web.http.JsonConfiguration}). */
    public WebhookRequest(String url, List<String> events, String description, Boolean isActive, String format, String bearerToken) {
        this.url = url;
        this.events = events;
        this.description = description;
        this.isActive = isActive;
        this.format = format;
        this.bearerToken = bearerToken;
    }

    /** The checks of a whole webhook (POST, PUT) on top of the default ones. */
    public interface Complete extends Default {
    }

    /** As changes: what is absent stays as it is. */
    WebhookChanges changes() {
        return new WebhookChanges(url, events, description, isActive, format == null ? null : WebhookFormat.fromApiName(format).orElseThrow(),
                bearerToken);
    }

    /** As a whole: what is absent takes its default (no description, active, standard), except the write-only token. */
    WebhookChanges replacement() {
        return new WebhookChanges(url, events, description == null ? "" : description, isActive == null || isActive,
                format == null ? WebhookFormat.STANDARD : WebhookFormat.fromApiName(format).orElseThrow(), bearerToken);
    }
}
