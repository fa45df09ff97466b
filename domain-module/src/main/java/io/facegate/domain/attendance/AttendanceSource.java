package io.facegate.domain.attendance;

import java.util.Locale;

/** How an attendance came to be logged. */
public enum AttendanceSource {
    /** A camera's detection matched the person. */
    CAMERA,
    /** A face verify task (seed 004's {@code /face/verify/}, {@code /face/bulk-verify/}). */
    VERIFY,
    /** A verification or identification session whose integrator asked for attendance. */
    SESSION,
    /** The person's own check-in from the mobile app. */
    MOBILE,
    /** Marked by hand by an admin, with a reason. */
    MANUAL;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
