package io.facegate.ratelimits;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Seed 004's rate-limit categories, each with its window and default limit (the seed's table). */
public enum RateCategory {
    AUTHENTICATION(5, Duration.ofMinutes(1)),
    FACE_VERIFICATION(100, Duration.ofMinutes(1)),
    REPORTS(10, Duration.ofMinutes(1)),
    GENERAL(1000, Duration.ofHours(1));

    private final int seedLimit;
    private final Duration window;

    RateCategory(int seedLimit, Duration window) {
        this.seedLimit = seedLimit;
        this.window = window;
    }

    /** Requests per window in seed 004's table. */
    public int seedLimit() {
        return seedLimit;
    }

    public Duration window() {
        return window;
    }

    /** {@code face_verification}: the name in configuration, per-client limits and 429 details. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RateCategory> fromApiName(String name) {
        return Arrays.stream(values()).filter(c -> c.apiName().equals(name)).findFirst();
    }
}
