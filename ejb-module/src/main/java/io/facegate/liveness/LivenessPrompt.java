package io.facegate.liveness;

import java.util.Locale;

/** What to ask the user next so that the liveness checks can pass; {@link #text()} is shown to the user. */
public enum LivenessPrompt {
    LOOK_AT_CAMERA("look at the camera"),
    MOVE_CLOSER("move closer"),
    HOLD_STILL("hold still"),
    BLINK("blink"),
    TURN_SLIGHTLY("turn slightly");

    private final String text;

    LivenessPrompt(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
