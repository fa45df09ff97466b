package io.facegate.domain.webhooks;

import java.util.Locale;

/** What made an attempt happen. */
public enum AttemptTrigger {
    /** The outbox: the first attempt or a retry. */
    SCHEDULED,
    /** The first attempt after a client replayed the delivery. */
    REPLAY,
    /** {@code POST /api/webhooks/{id}/test/}. */
    TEST;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
