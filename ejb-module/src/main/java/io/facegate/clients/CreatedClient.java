package io.facegate.clients;

import io.facegate.domain.clients.Client;

/** A client as just created or re-keyed: the only moment its API secret is known in clear. */
public record CreatedClient(Client client, String apiSecret) {
}
