package io.facegate.attendance;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SummaryPeriodTest {

    private static final LocalDate LEAP_WEDNESDAY = LocalDate.parse("2024-02-28");

    @Test
    void periodsRunFromMondayAndTheFirstOfTheMonthOrYear() {
        assertEquals(LEAP_WEDNESDAY, SummaryPeriod.DAILY.start(LEAP_WEDNESDAY));
        assertEquals(LEAP_WEDNESDAY, SummaryPeriod.DAILY.end(LEAP_WEDNESDAY));
        assertEquals(LocalDate.parse("2024-02-26"), SummaryPeriod.WEEKLY.start(LEAP_WEDNESDAY));
        assertEquals(LocalDate.parse("2024-03-03"), SummaryPeriod.WEEKLY.end(LEAP_WEDNESDAY));
        assertEquals(LocalDate.parse("2024-02-01"), SummaryPeriod.MONTHLY.start(LEAP_WEDNESDAY));
        assertEquals(LocalDate.parse("2024-02-29"), SummaryPeriod.MONTHLY.end(LEAP_WEDNESDAY));
        assertEquals(LocalDate.parse("2024-01-01"), SummaryPeriod.YEARLY.start(LEAP_WEDNESDAY));
        assertEquals(LocalDate.parse("2024-12-31"), SummaryPeriod.YEARLY.end(LEAP_WEDNESDAY));
    }

    @Test
    void theSqlUnitsArePostgresDateTruncUnits() {
        assertEquals("day", SummaryPeriod.DAILY.sqlUnit());
        assertEquals("week", SummaryPeriod.WEEKLY.sqlUnit());
        assertEquals("month", SummaryPeriod.MONTHLY.sqlUnit());
        assertEquals("year", SummaryPeriod.YEARLY.sqlUnit());
    }
}
