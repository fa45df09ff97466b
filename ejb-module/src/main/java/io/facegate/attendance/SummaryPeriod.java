package io.facegate.attendance;

import java.time.DayOfWeek;
import io.facegate.system.FaceGateException;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** Seed 004's summary periods: the default date range, and the buckets of the summary's breakdown. */
public enum SummaryPeriod {
    DAILY("day"),
    WEEKLY("week"),
    MONTHLY("month"),
    YEARLY("year");

    /** Longest range of a summary or report: ten years of days. */
    public static final long MAX_DAYS = 3660;

    private final String sqlUnit;

    /** A range of days, both ends included. */
    public record Range(LocalDate from, LocalDate to) {
    }

    /**
     * The range a request names: its own ends, or for a missing end the period holding the other
     * end (or today).
     *
     * @throws FaceGateException 400 {@code invalid_date_range} for a reversed or too long range
     */
    public Range range(LocalDate dateFrom, LocalDate dateTo, LocalDate today) {
        LocalDate from = dateFrom != null ? dateFrom : start(dateTo != null ? dateTo : today);
        LocalDate to = dateTo != null ? dateTo : end(from);
        if (to.isBefore(from)) {
            throw FaceGateException.invalid("invalid_date_range", "date_to is before date_from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw FaceGateException.invalid("invalid_date_range", "a range covers at most " + MAX_DAYS + " days");
        }
        return new Range(from, to);
    }

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
