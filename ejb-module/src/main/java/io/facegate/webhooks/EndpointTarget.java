package io.facegate.webhooks;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * An endpoint as a send needs it, read when its deliveries are claimed.
 *
 * @param secrets     the {@code whsec_} secrets that sign (two during a rotation's overlap)
 * @param bearerToken sent as {@code Authorization: Bearer}, or null
 */
public record EndpointTarget(UUID id, URI url, List<String> secrets, String bearerToken) {

    @Override
    public String toString() {
        // Never the secrets or the token: this may end up in a log line.
        return "webhook " + id + " (" + url + ")";
    }
}
