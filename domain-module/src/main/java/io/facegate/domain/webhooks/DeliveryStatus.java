package io.facegate.domain.webhooks;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a delivery stands. PENDING waits for its next attempt; SENDING is claimed by a dispatcher
 * (until a lease ends, after which it is due again); SUCCEEDED, FAILED and CANCELLED are final;
 * NOTICE is an entry of the endpoint's log that is never sent ({@code webhook.disabled}).
 */
public enum DeliveryStatus {
    PENDING,
    SENDING,
    SUCCEEDED,
    FAILED,
    CANCELLED,
    NOTICE;

    /** Whether the outbox will still send it. */
    public boolean isOutstanding() {
        return this == PENDING || this == SENDING;
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DeliveryStatus> fromApiName(String name) {
        return Arrays.stream(values()).filter(s -> s.apiName().equals(name)).findFirst();
    }
}
