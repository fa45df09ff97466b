package io.facegate.domain.reports;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReportScheduleTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void runsStartAtTheClientsMidnightAfterThePeriod() {
        // Wednesday 2024-03-13 23:30 in Tokyo is 14:30 UTC.
        Instant now = Instant.parse("2024-03-13T14:30:00Z");
        assertEquals(Instant.parse("2024-03-13T15:00:00Z"), ScheduleFrequency.DAILY.nextRun(now, TOKYO), "Tokyo's next midnight");
        assertEquals(LocalDate.of(2024, 3, 18).atStartOfDay(TOKYO).toInstant(), ScheduleFrequency.WEEKLY.nextRun(now, TOKYO), "next Monday");
        assertEquals(LocalDate.of(2024, 4, 1).atStartOfDay(TOKYO).toInstant(), ScheduleFrequency.MONTHLY.nextRun(now, TOKYO));
        // The same instant is still Wednesday morning in New York.
        assertEquals(LocalDate.of(2024, 3, 14).atStartOfDay(NEW_YORK).toInstant(), ScheduleFrequency.DAILY.nextRun(now, NEW_YORK));
        // At midnight exactly, the next run is the next period's, not now.
        Instant midnight = LocalDate.of(2024, 4, 1).atStartOfDay(TOKYO).toInstant();
        assertEquals(LocalDate.of(2024, 5, 1).atStartOfDay(TOKYO).toInstant(), ScheduleFrequency.MONTHLY.nextRun(midnight, TOKYO));
    }

    @Test
    void aRunCoversTheWholePeriodBeforeIt() {
        UUID client = UUID.randomUUID();
        Instant now = Instant.parse("2024-03-13T14:30:00Z");
        ReportSchedule weekly = new ReportSchedule(client, ScheduleFrequency.WEEKLY, ReportFormat.PDF, null, List.of(), TOKYO, now);
        assertEquals(LocalDate.of(2024, 3, 11), weekly.coveredFrom(TOKYO), "Monday to");
        assertEquals(LocalDate.of(2024, 3, 17), weekly.coveredTo(TOKYO), "Sunday");
        ReportSchedule monthly = new ReportSchedule(client, ScheduleFrequency.MONTHLY, ReportFormat.EXCEL, "Physics", List.of("A", "B"),
                TOKYO, now);
        assertEquals(LocalDate.of(2024, 3, 1), monthly.coveredFrom(TOKYO));
        assertEquals(LocalDate.of(2024, 3, 31), monthly.coveredTo(TOKYO));
        assertEquals(List.of("A", "B"), monthly.employeeIds());
        ReportSchedule daily = new ReportSchedule(client, ScheduleFrequency.DAILY, ReportFormat.PDF, null, List.of(), TOKYO, now);
        assertEquals(LocalDate.of(2024, 3, 13), daily.coveredFrom(TOKYO));
        assertEquals(LocalDate.of(2024, 3, 13), daily.coveredTo(TOKYO));
    }

    @Test
    void aLateRunCoversThePeriodItWasDueForAndTheNextOneIsAfterNow() {
        Instant created = Instant.parse("2024-03-13T14:30:00Z");
        ReportSchedule daily = new ReportSchedule(UUID.randomUUID(), ScheduleFrequency.DAILY, ReportFormat.PDF, null, List.of(), TOKYO, created);
        // The server was down for three days.
        Instant late = Instant.parse("2024-03-16T02:00:00Z");
        assertEquals(LocalDate.of(2024, 3, 13), daily.coveredTo(TOKYO));
        UUID report = UUID.randomUUID();
        daily.ran(report, TOKYO, late);
        assertEquals(report, daily.getLastReportId());
        assertEquals(LocalDate.of(2024, 3, 17).atStartOfDay(TOKYO).toInstant(), daily.getNextRunAt());
    }

    @Test
    void aScheduleMakesFiles() {
        assertThrows(IllegalArgumentException.class, () -> new ReportSchedule(UUID.randomUUID(), ScheduleFrequency.DAILY, ReportFormat.JSON,
                null, List.of(), TOKYO, Instant.now()));
    }
}
