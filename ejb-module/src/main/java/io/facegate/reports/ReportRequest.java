package io.facegate.reports;

import io.facegate.attendance.SummaryPeriod;
import io.facegate.domain.reports.ReportFormat;

import java.time.LocalDate;
import java.util.List;

/**
 * Seed 004's attendance report request: the period (which sets the default range, the period
 * holding today), an optional range of the client's days, and optional filters.
 */
public record ReportRequest(ReportFormat format, SummaryPeriod period, LocalDate dateFrom, LocalDate dateTo, String department,
                            List<String> employeeIds) {

    public ReportRequest {
        employeeIds = employeeIds == null ? List.of() : List.copyOf(employeeIds);
    }
}
