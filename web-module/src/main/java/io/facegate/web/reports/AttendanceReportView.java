package io.facegate.web.reports;

import io.facegate.reports.AttendanceFigures;
import io.facegate.reports.AttendanceReport;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Seed 004's JSON attendance report ({@code report_id}, {@code generated_at}, {@code period},
 * {@code date_range}, {@code total_employees}, {@code attendance_rate}, {@code department_stats}),
 * with the id of its record, the time zone its days are counted in and the working days counted.
 */
public record AttendanceReportView(UUID id, String reportId, Instant generatedAt, String period, String dateRange, String timeZone,
                                   int workingDays, long totalEmployees, double attendanceRate,
                                   Map<String, DepartmentStats> departmentStats) {

    public record DepartmentStats(long totalEmployees, double attendanceRate, double avgDailyAttendance) {
    }

    static AttendanceReportView of(AttendanceReport report) {
        AttendanceFigures figures = report.figures();
        Map<String, DepartmentStats> departments = new LinkedHashMap<>();
        figures.departments().forEach((name, d) -> departments.put(name,
                new DepartmentStats(d.totalEmployees(), d.attendanceRate(), d.avgDailyAttendance())));
        return new AttendanceReportView(report.record().getId(), report.number(), report.generatedAt(), report.period().apiName(),
                report.dateFrom() + " to " + report.dateTo(), report.timeZone().getId(), figures.workingDays(), figures.totalEmployees(),
                figures.attendanceRate(), departments);
    }
}
