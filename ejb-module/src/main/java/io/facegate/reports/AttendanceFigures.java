package io.facegate.reports;

import io.facegate.domain.reports.AttendanceRate;
import io.facegate.domain.reports.WorkCalendar;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An attendance report's figures. The attendance rate is the person-days present divided by the
 * person-days expected: {@code present / (active people × working days)}. Working days are the
 * client's ({@link WorkCalendar}) from the first day of the range to its last day or today,
 * whichever is earlier (days still to come are not yet missed). A person-day is present when the
 * person has any attendance that day (a day of the client's time zone); attendance on a day off
 * is listed per day but does not raise the rate.
 *
 * @param workingDays    working days counted (up to today)
 * @param totalEmployees active people in scope
 * @param presentDays    person-days present on working days
 * @param departments    per department (people without one under {@code (none)}), by name
 * @param daily          people present per day and department, every day with any attendance, by day
 */
public record AttendanceFigures(int workingDays, long totalEmployees, long presentDays, double attendanceRate,
                                SortedMap<String, Department> departments, SortedMap<LocalDate, SortedMap<String, Long>> daily) {

    /** One department's figures: {@code avgDailyAttendance} is its people present on an average working day. */
    public record Department(long totalEmployees, long presentDays, double attendanceRate, double avgDailyAttendance) {
    }

    /** People of one department present on one day. */
    public record DayCount(String department, LocalDate day, long present) {
    }

    /**
     * @param people  active people per department
     * @param present people present per department and day (any day of the range)
     * @param today   today in the client's time zone
     */
    public static AttendanceFigures compute(Map<String, Long> people, List<DayCount> present, WorkCalendar calendar,
                                            LocalDate from, LocalDate to, LocalDate today) {
        LocalDate last = to.isAfter(today) ? today : to;
        Set<LocalDate> working = last.isBefore(from) ? Set.of() : new HashSet<>(calendar.workingDaysBetween(from, last));
        int workingDays = working.size();
        SortedMap<String, Long> presentByDepartment = new TreeMap<>();
        SortedMap<LocalDate, SortedMap<String, Long>> daily = new TreeMap<>();
        for (DayCount count : present) {
            daily.computeIfAbsent(count.day(), d -> new TreeMap<>()).merge(count.department(), count.present(), Long::sum);
            if (working.contains(count.day())) {
                presentByDepartment.merge(count.department(), count.present(), Long::sum);
            }
        }
        SortedMap<String, Department> departments = new TreeMap<>();
        long totalPeople = 0;
        long totalPresent = 0;
        for (Map.Entry<String, Long> entry : people.entrySet()) {
            long headcount = entry.getValue();
            long days = presentByDepartment.getOrDefault(entry.getKey(), 0L);
            departments.put(entry.getKey(), new Department(headcount, days, rate(days, headcount, workingDays),
                    workingDays == 0 ? 0 : round(days / (double) workingDays, 2)));
            totalPeople += headcount;
            totalPresent += days;
        }
        return new AttendanceFigures(workingDays, totalPeople, totalPresent, rate(totalPresent, totalPeople, workingDays), departments, daily);
    }

    private static double rate(long presentDays, long people, int workingDays) {
        return AttendanceRate.of(presentDays, people * workingDays);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
