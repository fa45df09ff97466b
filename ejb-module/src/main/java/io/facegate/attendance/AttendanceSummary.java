package io.facegate.attendance;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Seed 004's summary over a date range of the client's time zone.
 *
 * @param departments        attendances per department (people without one under {@value #NO_DEPARTMENT})
 * @param hourlyDistribution attendances per hour of the day ({@code "08:00"}), hours without any left out
 * @param breakdown          one entry per period (day, week, month or year) that had attendances
 */
public record AttendanceSummary(SummaryPeriod period, LocalDate dateFrom, LocalDate dateTo, ZoneId timeZone, long totalAttendances,
                                long uniquePersons, Map<String, Long> departments, Map<String, Long> hourlyDistribution,
                                List<PeriodTotal> breakdown) {

    public static final String NO_DEPARTMENT = "(none)";

    public record PeriodTotal(LocalDate periodStart, long totalAttendances, long uniquePersons) {
    }
}
