package io.facegate.domain.cameras;

import java.util.Locale;

/** Whether frames are arriving from a camera, as the server polling it last saw. */
public enum CameraStatus {
    /** Frames arrive. */
    ONLINE,
    /** Active, but no frame for the watchdog's limit (or not connected yet). */
    OFFLINE,
    /** {@code is_active} is false: nobody polls it. */
    INACTIVE;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
