package io.facegate.maintenance;

import java.util.List;
import java.util.Locale;

/**
 * Seed 004's maintenance tasks ({@code POST /api/v1/system/maintenance/}), each run as the
 * housekeeping batch jobs it names, with its one parameter as their job parameter (absent: the
 * configured retention).
 */
public enum MaintenanceTask {
    /**
     * API usage records, webhook delivery logs and audit log entries older than {@code days_to_keep}
     * days. Attendance logs are records, not logs to clean.
     */
    CLEANUP_OLD_LOGS(List.of(MaintenanceJobs.PURGE_API_USAGE, MaintenanceJobs.PURGE_WEBHOOK_DELIVERIES, MaintenanceJobs.PURGE_AUDIT_LOGS), "days_to_keep", "retentionDays", 1, 3650),
    /** Refresh tokens expired more than {@code grace_hours} ago. */
    PURGE_EXPIRED_TOKENS(List.of(MaintenanceJobs.PURGE_EXPIRED_TOKENS), "grace_hours", "graceHours", 1, 8760);

    private final List<String> jobs;
    private final String parameter;
    private final String jobParameter;
    private final int min;
    private final int max;

    MaintenanceTask(List<String> jobs, String parameter, String jobParameter, int min, int max) {
        this.jobs = jobs;
        this.parameter = parameter;
        this.jobParameter = jobParameter;
        this.min = min;
        this.max = max;
    }

    public List<String> jobs() {
        return jobs;
    }

    /** The API's name of the task's parameter, e.g. {@code days_to_keep}. */
    public String parameter() {
        return parameter;
    }

    String jobParameter() {
        return jobParameter;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
