package io.facegate.reports;

import io.facegate.domain.reports.AttendanceRate;
import io.facegate.domain.reports.WorkCalendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seed 004's attendance patterns, from people present per day (a day of the client's time zone):
 * <ul>
 *   <li>per weekday, the mean people present over the last {@code weeks} whole weeks (a day nobody
 *   came counts as 0) and the hour with the most logs;</li>
 *   <li>per season (meteorological, northern hemisphere: spring is March to May), the attendance rate
 *   over the last 52 whole weeks: person-days present on its working days / (active people x its
 *   working days); null for a season without a working day in the window;</li>
 *   <li>next week's attendance predicted as the sum, over its working days, of the same weekday's
 *   mean; its confidence is 1 - the coefficient of variation of the last {@code weeks} weekly totals
 *   (a steady attendance gives a value near 1; it is not a probability), null with fewer than two
 *   weeks or no attendance.</li>
 * </ul>
 */
public record AttendancePatterns(Map<DayOfWeek, Weekday> daily, Map<Season, Double> seasonal, double nextWeekAttendance, Double confidence,
                                 LocalDate weeksFrom, LocalDate weeksTo) {

    public record Weekday(double avgAttendance, Integer peakHour) {
    }

    public enum Season {
        SPRING, SUMMER, FALL, WINTER;

        static Season of(Month month) {
            return switch (month) {
                case MARCH, APRIL, MAY -> SPRING;
                case JUNE, JULY, AUGUST -> SUMMER;
                case SEPTEMBER, OCTOBER, NOVEMBER -> FALL;
                case DECEMBER, JANUARY, FEBRUARY -> WINTER;
            };
        }
    }

    /**
     * @param present       people present per day over the last 52 whole weeks
     * @param logsByHour    logs per weekday and local hour over the last {@code weeks} whole weeks
     * @param thisMonday    the Monday of the current week (the windows end the day before)
     */
    public static AttendancePatterns compute(Map<LocalDate, Long> present, Map<DayOfWeek, Map<Integer, Long>> logsByHour, long people,
                                             WorkCalendar calendar, LocalDate thisMonday, int weeks) {
        LocalDate weeksFrom = thisMonday.minusWeeks(weeks);
        LocalDate last = thisMonday.minusDays(1);
        Map<DayOfWeek, Weekday> daily = new LinkedHashMap<>();
        for (DayOfWeek weekday : DayOfWeek.values()) {
            long total = 0;
            for (int w = 0; w < weeks; w++) {
                total += present.getOrDefault(weeksFrom.plusWeeks(w).plusDays(weekday.ordinal()), 0L);
            }
            Map<Integer, Long> hours = logsByHour.getOrDefault(weekday, Map.of());
            Integer peak = hours.entrySet().stream().max(Map.Entry.<Integer, Long>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder()))).map(Map.Entry::getKey).orElse(null);
            daily.put(weekday, new Weekday(round(total / (double) weeks, 1), peak));
        }

        Map<Season, Long> seasonPresent = new EnumMap<>(Season.class);
        Map<Season, Long> seasonDays = new EnumMap<>(Season.class);
        for (LocalDate day : calendar.workingDaysBetween(thisMonday.minusWeeks(52), last)) {
            Season season = Season.of(day.getMonth());
            seasonDays.merge(season, 1L, Long::sum);
            seasonPresent.merge(season, present.getOrDefault(day, 0L), Long::sum);
        }
        Map<Season, Double> seasonal = new LinkedHashMap<>();
        for (Season season : Season.values()) {
            Long days = seasonDays.get(season);
            seasonal.put(season, days == null ? null : AttendanceRate.of(seasonPresent.getOrDefault(season, 0L), people * days));
        }

        double predicted = 0;
        for (LocalDate day : calendar.workingDaysBetween(thisMonday.plusWeeks(1), thisMonday.plusWeeks(1).plusDays(6))) {
            predicted += daily.get(day.getDayOfWeek()).avgAttendance();
        }
        List<Long> weekly = new ArrayList<>();
        for (int w = 0; w < weeks; w++) {
            LocalDate monday = weeksFrom.plusWeeks(w);
            weekly.add(calendar.workingDaysBetween(monday, monday.plusDays(6)).stream().mapToLong(d -> present.getOrDefault(d, 0L)).sum());
        }
        return new AttendancePatterns(daily, seasonal, round(predicted, 1), confidence(weekly), weeksFrom, last);
    }

    /** 1 - standard deviation / mean of the weekly totals, within [0, 1]. */
    static Double confidence(List<Long> weekly) {
        if (weekly.size() < 2) {
            return null;
        }
        double mean = weekly.stream().mapToLong(Long::longValue).average().orElse(0);
        if (mean == 0) {
            return null;
        }
        double variance = weekly.stream().mapToDouble(t -> (t - mean) * (t - mean)).sum() / (weekly.size() - 1);
        return round(Math.max(0, 1 - Math.sqrt(variance) / mean), 2);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
