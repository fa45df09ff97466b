package io.facegate.authentication;

import io.facegate.domain.clients.Client;

/** What decides whether a client may act: enabled, its current secret generation, its browser origins. */
record ClientStanding(boolean active, int secretGeneration, String allowedOriginsJson) {

    static ClientStanding of(Client client) {
        return new ClientStanding(client.isActive(), client.getSecretGeneration(), client.getAllowedOrigins());
    }
}
