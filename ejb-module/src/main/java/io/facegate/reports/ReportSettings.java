package io.facegate.reports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** Reports' settings ({@code FACEGATE_REPORTS_*} in the environment). */
@ApplicationScoped
public class ReportSettings {

    /** How long a request for a PDF or Excel report waits for its file before answering 202 with where to follow it. */
    @Inject
    @ConfigProperty(name = "facegate.reports.wait-seconds", defaultValue = "10")
    int waitSeconds;

    /** How long a report's presigned download link works. */
    @Inject
    @ConfigProperty(name = "facegate.reports.download-link-seconds", defaultValue = "3600")
    int downloadLinkSeconds;

    /** How long a person seen today is counted in the building after they were last seen (cameras do not see people leave). */
    @Inject
    @ConfigProperty(name = "facegate.reports.occupancy-hours", defaultValue = "8")
    int occupancyHours;

    public Duration occupancy() {
        return Duration.ofHours(Math.max(1, Math.min(24, occupancyHours)));
    }

    public Duration waitForFile() {
        return Duration.ofSeconds(Math.max(0, waitSeconds));
    }

    /** Between a minute and S3's longest presigned URL, 7 days. */
    public int downloadLinkSeconds() {
        return Math.min(7 * 24 * 3600, Math.max(60, downloadLinkSeconds));
    }
}
