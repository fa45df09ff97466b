package io.facegate.reports;

import io.facegate.attendance.SummaryPeriod;
import io.facegate.domain.reports.PeopleScope;
import io.facegate.domain.reports.Report;
import io.facegate.domain.reports.WorkCalendar;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * An attendance report as requested: who asked about whom over which days, and its figures.
 *
 * @param tenant the client's name, for the file's cover
 */
public record AttendanceReport(Report record, String tenant, SummaryPeriod period, LocalDate dateFrom, LocalDate dateTo, ZoneId timeZone,
                               WorkCalendar calendar, PeopleScope scope, AttendanceFigures figures) {

    public String number() {
        return record.getNumber();
    }

    public Instant generatedAt() {
        return record.getCreatedAt();
    }

    /** What the batch job needs to find the rows: range, time zone, calendar and scope. */
    static String parameters(SummaryPeriod period, LocalDate from, LocalDate to, ZoneId zone, WorkCalendar calendar, PeopleScope scope) {
        JsonArrayBuilder weekdays = Json.createArrayBuilder();
        calendar.workingWeekdays().stream().map(DayOfWeek::getValue).forEach(weekdays::add);
        JsonArrayBuilder holidays = Json.createArrayBuilder();
        calendar.holidays().stream().filter(d -> !d.isBefore(from) && !d.isAfter(to)).map(LocalDate::toString).forEach(holidays::add);
        JsonArrayBuilder employees = Json.createArrayBuilder();
        scope.employeeIds().forEach(employees::add);
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("period", period.apiName()).add("date_from", from.toString()).add("date_to", to.toString())
                .add("time_zone", zone.getId()).add("working_weekdays", weekdays).add("holidays", holidays)
                .add("employee_ids", employees);
        addOrNull(json, "department", scope.department());
        addOrNull(json, "viewer_department", scope.viewerDepartment());
        addOrNull(json, "person_id", scope.personId() == null ? null : scope.personId().toString());
        return json.build().toString();
    }

    /** The figures a file lays out on its cover and summary sheet. */
    static String summary(String tenant, AttendanceFigures figures) {
        JsonObjectBuilder departments = Json.createObjectBuilder();
        figures.departments().forEach((name, d) -> departments.add(name, Json.createObjectBuilder()
                .add("total_employees", d.totalEmployees()).add("present_days", d.presentDays())
                .add("attendance_rate", d.attendanceRate()).add("avg_daily_attendance", d.avgDailyAttendance())));
        JsonArrayBuilder daily = Json.createArrayBuilder();
        figures.daily().forEach((day, counts) -> {
            JsonObjectBuilder present = Json.createObjectBuilder();
            counts.forEach(present::add);
            daily.add(Json.createObjectBuilder().add("date", day.toString()).add("present", present));
        });
        return Json.createObjectBuilder().add("tenant", tenant).add("working_days", figures.workingDays())
                .add("total_employees", figures.totalEmployees()).add("present_days", figures.presentDays())
                .add("attendance_rate", figures.attendanceRate()).add("department_stats", departments).add("daily", daily)
                .build().toString();
    }

    private static void addOrNull(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }
}
