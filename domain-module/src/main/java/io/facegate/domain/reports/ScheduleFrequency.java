package io.facegate.domain.reports;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * How often a scheduled report runs. A run covers the last whole period before it (yesterday, last
 * Monday to Sunday, last month) in the client's time zone, and happens at the start of the next
 * period: midnight of the client's day after it ended.
 */
public enum ScheduleFrequency {
    DAILY, WEEKLY, MONTHLY;

    /** The first day of the period that starts on or after {@code day}. */
    LocalDate nextStart(LocalDate day) {
        return switch (this) {
            case DAILY -> day;
            case WEEKLY -> day.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
            case MONTHLY -> day.getDayOfMonth() == 1 ? day : day.with(TemporalAdjusters.firstDayOfNextMonth());
        };
    }

    /** The first run strictly after {@code now}: the start of the next period, in the zone. */
    public Instant nextRun(Instant now, ZoneId zone) {
        LocalDate tomorrow = now.atZone(zone).toLocalDate().plusDays(1);
        return nextStart(tomorrow).atStartOfDay(zone).toInstant();
    }

    /** The first day of the period a run on {@code runDay} covers (the period that ended the day before). */
    public LocalDate coveredFrom(LocalDate runDay) {
        LocalDate last = runDay.minusDays(1);
        return switch (this) {
            case DAILY -> last;
            case WEEKLY -> last.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTHLY -> last.withDayOfMonth(1);
        };
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
