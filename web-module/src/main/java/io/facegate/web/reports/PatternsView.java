package io.facegate.web.reports;

import io.facegate.reports.AttendancePatterns;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Seed 004's patterns: {@code daily_patterns} per weekday, {@code seasonal_trends} (attendance rate
 * per season), {@code predictions}; with the weeks the weekday means cover.
 */
public record PatternsView(Map<String, WeekdayView> dailyPatterns, Map<String, Double> seasonalTrends, Prediction predictions, int weeks,
                           LocalDate dateFrom, LocalDate dateTo) {

    public record WeekdayView(double avgAttendance, String peakHour) {
    }

    /** @param method how the figures were made, in words */
    public record Prediction(double nextWeekAttendance, Double confidence, String method) {
    }

    static final String METHOD = "next_week_attendance: the sum, over next week's working days, of the mean people present on the same "
            + "weekday in the last weeks; confidence: 1 - the coefficient of variation of those weeks' totals (not a probability)";

    static PatternsView of(AttendancePatterns patterns, int weeks) {
        Map<String, WeekdayView> daily = new LinkedHashMap<>();
        patterns.daily().forEach((day, w) -> daily.put(day.name().toLowerCase(Locale.ROOT),
                new WeekdayView(w.avgAttendance(), w.peakHour() == null ? null : String.format("%02d:00", w.peakHour()))));
        Map<String, Double> seasons = new LinkedHashMap<>();
        patterns.seasonal().forEach((season, rate) -> seasons.put(season.name().toLowerCase(Locale.ROOT), rate));
        return new PatternsView(daily, seasons, new Prediction(patterns.nextWeekAttendance(), patterns.confidence(), METHOD), weeks,
                patterns.weeksFrom(), patterns.weeksTo());
    }
}
