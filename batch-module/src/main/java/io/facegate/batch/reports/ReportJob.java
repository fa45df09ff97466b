package io.facegate.batch.reports;

import io.facegate.domain.reports.PeopleScope;
import io.facegate.domain.reports.Report;
import io.facegate.domain.reports.ReportFormat;
import io.facegate.domain.reports.WorkCalendar;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What the {@code attendance-report} job lays out, read from the report's record: its range, time
 * zone, calendar and scope (to find the rows) and the figures computed when it was requested (for
 * the cover and summary sheet).
 */
public record ReportJob(UUID reportId, String number, ReportFormat format, Instant generatedAt, String tenant, String period,
                        LocalDate from, LocalDate to, ZoneId zone, WorkCalendar calendar, PeopleScope scope, Summary summary) {

    /** The request-time figures: every department's, and the people present per day and department. */
    public record Summary(int workingDays, long totalEmployees, long presentDays, double attendanceRate,
                          SortedMap<String, Department> departments, List<Day> daily) {
    }

    public record Department(long totalEmployees, long presentDays, double attendanceRate, double avgDailyAttendance) {
    }

    public record Day(LocalDate date, SortedMap<String, Long> present) {
    }

    public static ReportJob of(Report report) {
        JsonObject parameters = parse(report.getParameters());
        JsonObject summary = parse(report.getSummary());
        Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
        parameters.getJsonArray("working_weekdays").getValuesAs(JsonNumber.class).forEach(n -> weekdays.add(DayOfWeek.of(n.intValue())));
        List<LocalDate> holidays = parameters.getJsonArray("holidays").getValuesAs(JsonString.class).stream()
                .map(s -> LocalDate.parse(s.getString())).toList();
        WorkCalendar calendar = new WorkCalendar(report.getClientId(), weekdays, holidays, report.getCreatedAt());
        String person = text(parameters, "person_id");
        PeopleScope scope = new PeopleScope(report.getClientId(), text(parameters, "department"), text(parameters, "viewer_department"),
                person == null ? null : UUID.fromString(person),
                parameters.getJsonArray("employee_ids").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
        SortedMap<String, Department> departments = new TreeMap<>();
        for (Map.Entry<String, JsonValue> entry : summary.getJsonObject("department_stats").entrySet()) {
            JsonObject d = entry.getValue().asJsonObject();
            departments.put(entry.getKey(), new Department(d.getJsonNumber("total_employees").longValue(),
                    d.getJsonNumber("present_days").longValue(), d.getJsonNumber("attendance_rate").doubleValue(),
                    d.getJsonNumber("avg_daily_attendance").doubleValue()));
        }
        List<Day> daily = new ArrayList<>();
        for (JsonValue value : summary.getJsonArray("daily")) {
            JsonObject day = value.asJsonObject();
            SortedMap<String, Long> present = new TreeMap<>();
            day.getJsonObject("present").forEach((department, count) -> present.put(department, ((JsonNumber) count).longValue()));
            daily.add(new Day(LocalDate.parse(day.getString("date")), present));
        }
        return new ReportJob(report.getId(), report.getNumber(), report.getFormat(), report.getCreatedAt(), summary.getString("tenant"),
                parameters.getString("period"), LocalDate.parse(parameters.getString("date_from")),
                LocalDate.parse(parameters.getString("date_to")), ZoneId.of(parameters.getString("time_zone")), calendar, scope,
                new Summary(summary.getInt("working_days"), summary.getJsonNumber("total_employees").longValue(),
                        summary.getJsonNumber("present_days").longValue(), summary.getJsonNumber("attendance_rate").doubleValue(),
                        departments, daily));
    }

    /**
     * Where this execution writes the file before it is stored: one path per report, so that a
     * restarted execution overwrites what a killed one left.
     */
    public Path workFile() {
        return Path.of(System.getProperty("java.io.tmpdir"), "facegate-reports", number + "-" + reportId + "." + format.extension());
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static String text(JsonObject object, String name) {
        return object.isNull(name) ? null : object.getString(name);
    }
}
