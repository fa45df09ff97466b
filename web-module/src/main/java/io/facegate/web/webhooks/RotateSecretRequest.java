package io.facegate.web.webhooks;

/**
 * The optional body of rotate-secret.
 *
 * @param overlapMinutes how long the previous secret still signs (both signatures are sent); 0 stops
 *                       it at once; absent, a day; at most a week
 */
public record RotateSecretRequest(Integer overlapMinutes) {
}
