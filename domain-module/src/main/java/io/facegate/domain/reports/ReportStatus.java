package io.facegate.domain.reports;

import java.util.Locale;

/** Where a report is: a file report is queued, then its batch job runs, then it is stored or failed. */
public enum ReportStatus {
    QUEUED, RUNNING, COMPLETED, FAILED;

    public boolean isEnded() {
        return this == COMPLETED || this == FAILED;
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
