package io.facegate.recognition;

import java.util.Locale;

/** Something the user can fix about a face photo; {@link #code()} is the API's snake_case name. */
public enum QualityIssue {
    FACE_TOO_SMALL,
    BLURRY,
    TOO_DARK,
    TOO_BRIGHT,
    NOT_FRONTAL,
    LOW_CONFIDENCE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
