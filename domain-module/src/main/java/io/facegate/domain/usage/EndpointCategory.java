package io.facegate.domain.usage;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What part of the API a call used, as billed and reported (seed 000's {@code endpoint}). */
public enum EndpointCategory {
    ENROLLMENT,
    RECOGNITION,
    LIVENESS,
    AUTHENTICATION,
    WEBHOOK,
    ANALYTICS,
    CLIENTS,
    SYSTEM,
    /** An API path no category claims yet. */
    OTHER;

    /** The lowercase name used in JSON, query parameters and the database. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<EndpointCategory> fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code().equalsIgnoreCase(code)).findFirst();
    }
}
