package io.facegate.attendance;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** Seed 004's summary periods: the default date range, and the buckets of the summary's breakdown. */
public enum SummaryPeriod {
    DAILY("day"),
    WEEKLY("week"),
    MONTHLY("month"),
    YEARLY("year");

    private final String sqlUnit;

    SummaryPeriod(String sqlUnit) {
        this.sqlUnit = sqlUnit;
    }

    /** PostgreSQL's {@code date_trunc} unit (weeks start on Monday, as ISO weeks do). */
    String sqlUnit() {
        return sqlUnit;
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The first day of the period holding {@code day}. */
    LocalDate start(LocalDate day) {
        return switch (this) {
            case DAILY -> day;
            case WEEKLY -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTHLY -> day.withDayOfMonth(1);
            case YEARLY -> day.withDayOfYear(1);
        };
    }

    /** The last day of the period holding {@code day}. */
    LocalDate end(LocalDate day) {
        LocalDate start = start(day);
        return switch (this) {
            case DAILY -> start;
            case WEEKLY -> start.plusDays(6);
            case MONTHLY -> start.plusMonths(1).minusDays(1);
            case YEARLY -> start.plusYears(1).minusDays(1);
        };
    }
}
