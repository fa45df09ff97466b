package io.facegate.reports;

import io.facegate.attendance.SummaryPeriod;
import io.facegate.domain.reports.WorkCalendar;
import io.facegate.reports.AttendanceFigures.DayCount;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AttendanceFiguresTest {

    private static final LocalDate MONDAY = LocalDate.of(2024, 3, 11);
    private static final LocalDate SUNDAY = MONDAY.plusDays(6);
    private static final LocalDate FAR_FUTURE = LocalDate.of(2100, 1, 1);

    @Test
    void presentPersonDaysOverPeopleTimesWorkingDays() {
        // One week, Monday to Friday: 4 people in Computer Science, 2 in Physics.
        List<DayCount> present = List.of(
                new DayCount("Computer Science", MONDAY, 4), new DayCount("Computer Science", MONDAY.plusDays(1), 3),
                new DayCount("Computer Science", MONDAY.plusDays(2), 4), new DayCount("Computer Science", MONDAY.plusDays(3), 2),
                new DayCount("Computer Science", MONDAY.plusDays(4), 4),
                new DayCount("Physics", MONDAY, 1), new DayCount("Physics", MONDAY.plusDays(2), 2));
        AttendanceFigures figures = AttendanceFigures.compute(Map.of("Computer Science", 4L, "Physics", 2L), present,
                WorkCalendar.standard(UUID.randomUUID()), MONDAY, SUNDAY, FAR_FUTURE);
        assertEquals(5, figures.workingDays());
        assertEquals(6, figures.totalEmployees());
        assertEquals(20, figures.presentDays());
        assertEquals(0.6667, figures.attendanceRate(), "20 / (6 x 5)");
        AttendanceFigures.Department science = figures.departments().get("Computer Science");
        assertEquals(0.85, science.attendanceRate(), "17 / (4 x 5)");
        assertEquals(3.4, science.avgDailyAttendance(), "17 / 5");
        AttendanceFigures.Department physics = figures.departments().get("Physics");
        assertEquals(0.3, physics.attendanceRate());
        assertEquals(0.6, physics.avgDailyAttendance());
    }

    @Test
    void weekendAndHolidayAttendanceIsListedButDoesNotRaiseTheRate() {
        WorkCalendar calendar = new WorkCalendar(UUID.randomUUID(), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                List.of(MONDAY.plusDays(2)), Instant.EPOCH);
        List<DayCount> present = List.of(new DayCount("Lab", MONDAY, 1), new DayCount("Lab", MONDAY.plusDays(2), 1),
                new DayCount("Lab", MONDAY.plusDays(5), 1));
        AttendanceFigures figures = AttendanceFigures.compute(Map.of("Lab", 1L), present, calendar, MONDAY, SUNDAY, FAR_FUTURE);
        assertEquals(4, figures.workingDays(), "Wednesday is a holiday");
        assertEquals(1, figures.presentDays(), "the holiday and the Saturday do not count");
        assertEquals(0.25, figures.attendanceRate());
        assertEquals(3, figures.daily().size(), "every day with attendance is listed");
        assertEquals(1L, figures.daily().get(MONDAY.plusDays(5)).get("Lab"));
    }

    @Test
    void daysStillToComeAreNotMissed() {
        List<DayCount> present = List.of(new DayCount("Lab", MONDAY, 2), new DayCount("Lab", MONDAY.plusDays(1), 1));
        AttendanceFigures figures = AttendanceFigures.compute(Map.of("Lab", 2L), present, WorkCalendar.standard(UUID.randomUUID()),
                MONDAY, SUNDAY, MONDAY.plusDays(1));
        assertEquals(2, figures.workingDays(), "Monday and Tuesday (today) only");
        assertEquals(0.75, figures.attendanceRate(), "3 / (2 x 2)");
        AttendanceFigures future = AttendanceFigures.compute(Map.of("Lab", 2L), List.of(), WorkCalendar.standard(UUID.randomUUID()),
                MONDAY, SUNDAY, MONDAY.minusDays(1));
        assertEquals(0, future.workingDays());
        assertEquals(0.0, future.attendanceRate(), "nothing expected yet: 0, not a division by zero");
    }

    @Test
    void noPeopleMeansARateOfZero() {
        AttendanceFigures figures = AttendanceFigures.compute(Map.of(), List.of(), WorkCalendar.standard(UUID.randomUUID()), MONDAY, SUNDAY,
                FAR_FUTURE);
        assertEquals(0, figures.totalEmployees());
        assertEquals(0.0, figures.attendanceRate());
        assertEquals(Map.of(), figures.departments());
    }

    @Test
    void aRangeOfDaysIsBoundedInTheClientsTimeZone() {
        SummaryPeriod.Range day = new SummaryPeriod.Range(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 7, 1));
        AttendanceReports.Bounds newYork = AttendanceReports.Bounds.of(day, ZoneId.of("America/New_York"));
        assertEquals(Instant.parse("2024-07-01T04:00:00Z"), newYork.from(), "EDT is UTC-4");
        assertEquals(Instant.parse("2024-07-02T04:00:00Z"), newYork.until());
        AttendanceReports.Bounds tokyo = AttendanceReports.Bounds.of(day, ZoneId.of("Asia/Tokyo"));
        assertEquals(Instant.parse("2024-06-30T15:00:00Z"), tokyo.from());
        // 2024-03-10: New York springs forward, the day has 23 hours.
        SummaryPeriod.Range dstDay = new SummaryPeriod.Range(LocalDate.of(2024, 3, 10), LocalDate.of(2024, 3, 10));
        AttendanceReports.Bounds spring = AttendanceReports.Bounds.of(dstDay, ZoneId.of("America/New_York"));
        assertEquals(Duration.ofHours(23), Duration.between(spring.from(), spring.until()));
        // 2018-11-04: Sao Paulo skipped midnight, the day began at 01:00 local (03:00Z).
        SummaryPeriod.Range skipped = new SummaryPeriod.Range(LocalDate.of(2018, 11, 4), LocalDate.of(2018, 11, 4));
        assertEquals(Instant.parse("2018-11-04T03:00:00Z"), AttendanceReports.Bounds.of(skipped, ZoneId.of("America/Sao_Paulo")).from());
    }

    @Test
    void theRequestedPeriodSetsTheDefaultRange() {
        SummaryPeriod.Range month = SummaryPeriod.MONTHLY.range(null, null, LocalDate.of(2024, 2, 14));
        assertEquals(new SummaryPeriod.Range(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)), month);
        assertEquals(new SummaryPeriod.Range(MONDAY, SUNDAY), SummaryPeriod.WEEKLY.range(null, null, MONDAY.plusDays(3)));
    }
}
