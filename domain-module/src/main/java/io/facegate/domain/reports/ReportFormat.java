package io.facegate.domain.reports;

import java.util.Locale;

/** Seed 004's report formats: JSON is answered at once, PDF and Excel are files made by a batch job. */
public enum ReportFormat {
    JSON("application/json", "json"),
    PDF("application/pdf", "pdf"),
    EXCEL("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String contentType;
    private final String extension;

    ReportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    public boolean isFile() {
        return this != JSON;
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
