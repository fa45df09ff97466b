package io.facegate.web.webhooks;

import io.facegate.webhooks.WebhookRegistry;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * @param overlapMinutes how long the previous secret still signs (both signatures are sent); 0 stops
 *                       it at once; absent, a day
 */
public record RotateSecretRequest(@Min(0) @Max(WebhookRegistry.MAX_SECRET_OVERLAP_MINUTES) Integer overlapMinutes) {
}
