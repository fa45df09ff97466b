package io.facegate.domain.sessions;

import java.util.Locale;

/** What a session's frames are for. Its lower-case name is the {@code session_type} clients see. */
public enum SessionPurpose {
    ENROLLMENT,
    /** 1:1: is this the claimed person? */
    VERIFICATION,
    /** 1:N: who among the client's enrolled people is this? */
    IDENTIFICATION;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
