package io.facegate.web.reports;

import io.facegate.attendance.AttendanceViewer;
import io.facegate.attendance.SummaryPeriod;
import io.facegate.authentication.Roles;
import io.facegate.domain.reports.PeopleScope;
import io.facegate.domain.reports.ReportFormat;
import io.facegate.domain.reports.WorkCalendar;
import io.facegate.reports.AttendanceReports;
import io.facegate.reports.ReportRequest;
import io.facegate.reports.WorkCalendars;
import io.facegate.system.FaceGateException;
import io.facegate.web.FaceGateApi;
import io.facegate.web.authentication.Callers;
import io.facegate.web.authentication.RequiresRole;
import io.facegate.web.http.QueryValues;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Seed 004's attendance reports (admins and faculty; faculty about their department) and the
 * client's working calendar that attendance rates count (admins).
 */
@Path("v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Reports")
@SecurityRequirement(name = FaceGateApi.CLIENT_TOKEN)
@SecurityRequirement(name = FaceGateApi.CLIENT_KEY)
@SecurityRequirement(name = FaceGateApi.PERSON_TOKEN)
public class ReportResource {

    @Inject
    AttendanceReports reports;

    @Inject
    WorkCalendars calendars;

    @Context
    HttpServletRequest http;

    /** The whole calendar (a PUT): weekdays by name, holidays as ISO dates. */
    public record CalendarSettings(@NotNull @Size(min = 1, max = 7) List<String> workingDays,
                                   @Size(max = WorkCalendar.MAX_HOLIDAYS) List<LocalDate> holidays) {
        /** Declared, so that the constraints stay on the fields (see {@link io.facegate.web.http.JsonConfiguration}). */
        public CalendarSettings(List<String> workingDays, List<LocalDate> holidays) {
            this.workingDays = workingDays;
            this.holidays = holidays;
        }

        static CalendarSettings of(WorkCalendar calendar) {
            return new CalendarSettings(calendar.workingWeekdays().stream().map(d -> d.name().toLowerCase(Locale.ROOT)).toList(),
                    List.copyOf(calendar.holidays()));
        }
    }

    @GET
    @Path("attendance")
    @RequiresRole(Roles.STAFF)
    @Operation(summary = "Attendance report over a range of the client's days (default: the period holding today). attendance_rate = "
            + "person-days present / (active people x working days up to today); working days from the client's calendar "
            + "(GET /api/v1/reports/calendar/). employee_ids: comma-separated. Faculty see their department")
    public AttendanceReportView attendance(@QueryParam("format") String format, @QueryParam("period") String period,
                                           @QueryParam("date_from") String dateFrom, @QueryParam("date_to") String dateTo,
                                           @QueryParam("department") String department, @QueryParam("employee_ids") String employeeIds) {
        ReportRequest request = request(format, period, dateFrom, dateTo, department, employeeIds);
        if (request.format().isFile()) {
            throw FaceGateException.invalid("invalid_format", "format must be json");
        }
        return AttendanceReportView.of(reports.create(AttendanceViewer.of(Callers.client(http)), request));
    }

    @GET
    @Path("calendar")
    @RequiresRole(Roles.TENANT_ADMIN)
    @Operation(summary = "The client's working calendar: working weekdays and holidays (default: monday to friday, no holidays)")
    public CalendarSettings calendar() {
        return CalendarSettings.of(calendars.of(Callers.tenant(http)));
    }

    @PUT
    @Path("calendar")
    @RequiresRole(Roles.TENANT_ADMIN)
    @Operation(summary = "Set the client's working calendar (days of its attendance time zone)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "calendar",
            value = "{\"working_days\": [\"monday\", \"tuesday\", \"wednesday\", \"thursday\", \"friday\"],"
                    + " \"holidays\": [\"2024-12-25\", \"2025-01-01\"]}")))
    public CalendarSettings configureCalendar(@Valid @NotNull CalendarSettings settings) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String name : settings.workingDays()) {
            days.add(weekday(name));
        }
        List<LocalDate> holidays = settings.holidays() == null ? List.of() : settings.holidays();
        if (holidays.contains(null)) {
            throw FaceGateException.invalid("invalid_holidays", "holidays must be dates like 2024-12-25");
        }
        return CalendarSettings.of(calendars.configure(Callers.tenant(http), days, holidays));
    }

    private static DayOfWeek weekday(String name) {
        try {
            return DayOfWeek.valueOf(name == null ? "" : name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw FaceGateException.invalid("invalid_working_days", "working_days must be weekday names such as monday");
        }
    }

    static ReportRequest request(String format, String period, String dateFrom, String dateTo, String department, String employeeIds) {
        ReportFormat kind = format == null || format.isBlank() ? ReportFormat.JSON : QueryValues.enumeration(ReportFormat.class, "format", format);
        SummaryPeriod unit = period == null || period.isBlank() ? SummaryPeriod.MONTHLY
                : QueryValues.enumeration(SummaryPeriod.class, "period", period);
        List<String> employees = employeeIds == null ? List.of()
                : Arrays.stream(employeeIds.split(",")).map(String::strip).filter(id -> !id.isEmpty()).distinct().toList();
        if (employees.size() > PeopleScope.MAX_EMPLOYEE_IDS) {
            throw FaceGateException.invalid("invalid_employee_ids", "employee_ids names at most " + PeopleScope.MAX_EMPLOYEE_IDS + " people");
        }
        return new ReportRequest(kind, unit, QueryValues.date("date_from", dateFrom), QueryValues.date("date_to", dateTo),
                department == null || department.isBlank() ? null : department.strip(), employees);
    }
}
