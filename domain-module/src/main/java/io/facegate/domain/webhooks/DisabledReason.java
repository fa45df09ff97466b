package io.facegate.domain.webhooks;

import java.util.Locale;

/** Why FaceGate switched an endpoint off by itself (a client's own {@code is_active: false} has none). */
public enum DisabledReason {
    /** The receiver answered 410 Gone: it asked not to be called again. */
    GONE,
    /** Every attempt failed for the configured period (five days by default). */
    FAILING;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
