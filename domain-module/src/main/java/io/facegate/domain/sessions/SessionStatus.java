package io.facegate.domain.sessions;

import java.util.Locale;

/**
 * A session's life: enrollment starts PENDING and authentication ACTIVE (the seeds' words), the
 * first frame makes it PROCESSING, and it ends COMPLETED, FAILED or EXPIRED.
 */
public enum SessionStatus {
    PENDING,
    ACTIVE,
    PROCESSING,
    COMPLETED,
    FAILED,
    EXPIRED;

    public boolean isOpen() {
        return this == PENDING || this == ACTIVE || this == PROCESSING;
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
