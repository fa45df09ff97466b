package io.facegate.domain.sessions;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where the frames come from, as the client declares it (seed 001's {@code session_type}). */
public enum SessionChannel {
    WEBCAM,
    MOBILE,
    API;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SessionChannel> fromApiName(String value) {
        return Arrays.stream(values()).filter(c -> c.apiName().equalsIgnoreCase(value)).findFirst();
    }
}
