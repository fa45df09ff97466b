package io.facegate.web.clients;

import io.facegate.domain.clients.Client;
import io.facegate.web.http.JsonDocuments;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import java.time.Instant;
import java.util.UUID;

/** A client as the operator sees it; the secret appears only when just issued. */
public record ClientView(UUID id, String name, String apiKey, String apiSecret, String status,
                         JsonArray allowedOrigins, boolean allowBrowserReenrollment, JsonObject rateLimits, Instant createdAt,
                         Instant updatedAt) {

    static ClientView of(Client client, String freshSecret) {
        return new ClientView(client.getId(), client.getName(), client.getApiKey(), freshSecret,
                client.getStatus().name().toLowerCase(), JsonDocuments.array(client.getAllowedOrigins()),
                client.isBrowserReenrollmentAllowed(), JsonDocuments.object(client.getRateLimits()), client.getCreatedAt(),
                client.getUpdatedAt());
    }
}
