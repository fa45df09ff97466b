package io.facegate.batch.reports;

import io.facegate.domain.reports.AttendanceRate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One row of a report file: a person in scope and their days present in the range (none when they
 * were absent throughout).
 */
public record PersonAttendance(UUID personId, String employeeId, String name, String department, List<Day> days) {

    /** A day the person was present: first and last attendance, how many logs, and whether it was a working day. */
    public record Day(LocalDate date, Instant first, Instant last, long logs, boolean workingDay) {
    }

    public PersonAttendance {
        days = List.copyOf(days);
    }

    /** Working days present: what the attendance rate counts. */
    public long presentWorkingDays() {
        return days.stream().filter(Day::workingDay).count();
    }

    /** Working days present over the range's working days (up to the day the report was asked for). */
    public double attendanceRate(int workingDays) {
        return AttendanceRate.of(presentWorkingDays(), workingDays);
    }
}
