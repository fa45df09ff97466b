package io.facegate.system;

import java.time.Instant;
import java.util.UUID;

/**
 * A secret was replaced by a new one. Fired in the rotating transaction.
 *
 * @param secret   {@code api_secret} (the client's) or {@code webhook_secret}
 * @param targetId the webhook whose secret it is, or null for the client's
 */
public record SecretRotated(UUID clientId, String secret, UUID targetId, Instant at) {
}
