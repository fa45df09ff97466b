package io.facegate.liveness;

import java.util.Locale;

/** The independent cues a liveness assessment combines; {@link #code()} is the API's snake_case name. */
public enum LivenessCheck {
    /** The eyes closed and opened again (open, closed, open over frames) at least the required number of times. */
    BLINK,
    /** The face moves between frames as a live head does; a still image or a repeated frame does not. */
    MOTION,
    /** The anti-spoof model's live probability, averaged over frames, reaches its threshold. */
    ANTI_SPOOF;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
