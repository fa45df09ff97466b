package io.facegate.domain.facetasks;

import java.util.Locale;

public enum FaceTaskStatus {
    QUEUED,
    PROCESSING,
    COMPLETED,
    FAILED;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFinished() {
        return this == COMPLETED || this == FAILED;
    }
}
