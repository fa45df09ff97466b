package io.facegate.domain.webhooks;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The body shape an endpoint receives. {@code standard} is Standard Webhooks' {@code {type,
 * timestamp, data}}; {@code facegate-legacy} is what seed integrations already parse: seed 002's
 * detection body and seed 004's {@code {event, timestamp, data}}.
 */
public enum WebhookFormat {
    STANDARD,
    FACEGATE_LEGACY;

    /** {@code standard} or {@code facegate-legacy}, as the API spells it. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<WebhookFormat> fromApiName(String name) {
        return Arrays.stream(values()).filter(f -> f.apiName().equals(name)).findFirst();
    }
}
