package io.facegate.domain.incidents;

import java.util.Locale;

/** The kinds of security incident; seed 004 shows spoofing_attempt. */
public enum IncidentType {
    SPOOFING_ATTEMPT, LIVENESS_FAILURES, UNAUTHORIZED_ACCESS, TAILGATING, CAMERA_TAMPERING, OTHER;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
