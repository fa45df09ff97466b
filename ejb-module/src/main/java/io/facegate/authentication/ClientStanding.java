package io.facegate.authentication;

import io.facegate.domain.clients.Client;

/** What decides whether and how much a client may act: enabled, its current secret generation, its browser origins, its rate limits. */
record ClientStanding(boolean active, int secretGeneration, String allowedOriginsJson, String rateLimitsJson) {

    static ClientStanding of(Client client) {
        return new ClientStanding(client.isActive(), client.getSecretGeneration(), client.getAllowedOrigins(), client.getRateLimits());
    }
}
