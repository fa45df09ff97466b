package io.facegate.web.attendance;

import io.facegate.attendance.AttendanceSummary;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Seed 004's summary ({@code period}, {@code date}, totals, departments, hours) with its range, time zone and per-period breakdown. */
public record AttendanceSummaryView(String period, LocalDate date, LocalDate dateFrom, LocalDate dateTo, String timeZone,
                                    long totalAttendances, long uniquePersons, Map<String, Long> departments,
                                    Map<String, Long> hourlyDistribution, List<PeriodView> breakdown) {

    public record PeriodView(LocalDate date, long totalAttendances, long uniquePersons) {
    }

    static AttendanceSummaryView of(AttendanceSummary summary) {
        return new AttendanceSummaryView(summary.period().apiName(), summary.dateFrom(), summary.dateFrom(), summary.dateTo(),
                summary.timeZone().getId(), summary.totalAttendances(), summary.uniquePersons(), summary.departments(),
                summary.hourlyDistribution(), summary.breakdown().stream()
                .map(p -> new PeriodView(p.periodStart(), p.totalAttendances(), p.uniquePersons())).toList());
    }
}
