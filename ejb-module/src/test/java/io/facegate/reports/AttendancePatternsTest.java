package io.facegate.reports;

import io.facegate.domain.reports.WorkCalendar;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AttendancePatternsTest {

    private static final LocalDate THIS_MONDAY = LocalDate.of(2024, 3, 18);
    private static final WorkCalendar STANDARD = WorkCalendar.standard(UUID.randomUUID());

    @Test
    void weekdayMeansCountADayNobodyCameAsZero() {
        Map<LocalDate, Long> present = Map.of(LocalDate.of(2024, 3, 4), 4L, LocalDate.of(2024, 3, 11), 6L, LocalDate.of(2024, 3, 5), 2L);
        AttendancePatterns patterns = AttendancePatterns.compute(present,
                Map.of(DayOfWeek.MONDAY, Map.of(8, 10L, 9, 10L, 10, 3L)), 10, STANDARD, THIS_MONDAY, 2);
        assertEquals(5.0, patterns.daily().get(DayOfWeek.MONDAY).avgAttendance());
        assertEquals(8, patterns.daily().get(DayOfWeek.MONDAY).peakHour(), "a tie goes to the earlier hour");
        assertEquals(1.0, patterns.daily().get(DayOfWeek.TUESDAY).avgAttendance(), "(2 + 0) / 2");
        assertNull(patterns.daily().get(DayOfWeek.TUESDAY).peakHour());
        assertEquals(LocalDate.of(2024, 3, 4), patterns.weeksFrom());
        assertEquals(LocalDate.of(2024, 3, 17), patterns.weeksTo());
        assertEquals(6.0, patterns.nextWeekAttendance(), "Monday's 5 + Tuesday's 1");
        assertEquals(1.0, patterns.confidence(), "both weeks totalled 6");
    }

    @Test
    void seasonsAreRatesOverTheLast52Weeks() {
        Map<LocalDate, Long> present = Map.of(LocalDate.of(2024, 3, 4), 4L, LocalDate.of(2024, 3, 11), 6L, LocalDate.of(2024, 1, 10), 5L,
                LocalDate.of(2024, 3, 9), 9L);
        AttendancePatterns patterns = AttendancePatterns.compute(present, Map.of(), 10, STANDARD, THIS_MONDAY, 8);
        long springDays = STANDARD.workingDaysBetween(THIS_MONDAY.minusWeeks(52), THIS_MONDAY.minusDays(1)).stream()
                .filter(d -> List.of(Month.MARCH, Month.APRIL, Month.MAY).contains(d.getMonth())).count();
        assertEquals(Math.round(10 * 10_000.0 / (10 * springDays)) / 10_000.0, patterns.seasonal().get(AttendancePatterns.Season.SPRING),
                "the Saturday's 9 is not a working day");
        long winterDays = STANDARD.workingDaysBetween(THIS_MONDAY.minusWeeks(52), THIS_MONDAY.minusDays(1)).stream()
                .filter(d -> List.of(Month.DECEMBER, Month.JANUARY, Month.FEBRUARY).contains(d.getMonth())).count();
        assertEquals(Math.round(5 * 10_000.0 / (10 * winterDays)) / 10_000.0, patterns.seasonal().get(AttendancePatterns.Season.WINTER));
        assertEquals(0.0, patterns.seasonal().get(AttendancePatterns.Season.SUMMER));
    }

    @Test
    void confidenceFallsWithTheSpreadOfWeeklyTotals() {
        assertEquals(0.29, AttendancePatterns.confidence(List.of(6L, 2L)), "1 - 2.83 / 4");
        assertEquals(0.0, AttendancePatterns.confidence(List.of(10L, 0L, 0L)), "more spread than mean: 0, not negative");
        assertNull(AttendancePatterns.confidence(List.of(5L)), "one week says nothing about spread");
        assertNull(AttendancePatterns.confidence(List.of(0L, 0L)), "no attendance");
    }
}
