package io.facegate.domain.reports;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkCalendarTest {

    private static final UUID CLIENT = UUID.randomUUID();

    @Test
    void theStandardCalendarWorksMondayToFriday() {
        WorkCalendar standard = WorkCalendar.standard(CLIENT);
        // February 2024: 29 days, 8 weekend days.
        assertEquals(21, standard.workingDaysBetween(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)).size());
        assertFalse(standard.isWorkingDay(LocalDate.of(2024, 2, 3)), "a Saturday");
        assertTrue(standard.isWorkingDay(LocalDate.of(2024, 2, 5)), "a Monday");
    }

    @Test
    void holidaysAreNotWorkingDaysAndAWeekendHolidayCostsNothing() {
        WorkCalendar calendar = new WorkCalendar(CLIENT, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                List.of(LocalDate.of(2024, 12, 25), LocalDate.of(2024, 12, 28), LocalDate.of(2024, 12, 25)), Instant.EPOCH);
        List<LocalDate> days = calendar.workingDaysBetween(LocalDate.of(2024, 12, 23), LocalDate.of(2024, 12, 29));
        assertEquals(List.of(LocalDate.of(2024, 12, 23), LocalDate.of(2024, 12, 24), LocalDate.of(2024, 12, 26), LocalDate.of(2024, 12, 27)),
                days);
        assertEquals(Set.of(LocalDate.of(2024, 12, 25), LocalDate.of(2024, 12, 28)), calendar.holidays(), "duplicates kept once");
    }

    @Test
    void aSundayToThursdayWeekIsKept() {
        WorkCalendar calendar = new WorkCalendar(CLIENT, EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY), List.of(), Instant.EPOCH);
        assertTrue(calendar.isWorkingDay(LocalDate.of(2024, 3, 17)), "a Sunday");
        assertFalse(calendar.isWorkingDay(LocalDate.of(2024, 3, 15)), "a Friday");
        assertEquals(EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY),
                calendar.workingWeekdays());
    }

    @Test
    void aCalendarNeedsAWorkingDay() {
        assertThrows(IllegalArgumentException.class, () -> new WorkCalendar(CLIENT, EnumSet.noneOf(DayOfWeek.class), List.of(), Instant.EPOCH));
    }
}
