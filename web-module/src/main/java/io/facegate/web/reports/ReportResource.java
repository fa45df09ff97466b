package io.facegate.web.reports;

import io.facegate.attendance.AttendanceViewer;
import io.facegate.attendance.SummaryPeriod;
import io.facegate.authentication.Roles;
import io.facegate.domain.reports.PeopleScope;
import io.facegate.domain.reports.ReportFormat;
import io.facegate.domain.reports.WorkCalendar;
import io.facegate.domain.reports.Report;
import io.facegate.domain.reports.ReportStatus;
import io.facegate.reports.AttendanceReports;
import io.facegate.reports.RealTimeAnalytics;
import io.facegate.reports.ReportFiles;
import io.facegate.reports.ReportJobs;
import io.facegate.reports.ReportRequest;
import io.facegate.reports.ReportSettings;
import io.facegate.reports.WorkCalendars;
import io.facegate.system.FaceGateException;
import io.facegate.web.FaceGateApi;
import io.facegate.web.authentication.Callers;
import io.facegate.web.authentication.RequiresRole;
import io.facegate.web.http.Ids;
import io.facegate.web.http.PageNumbers;
import io.facegate.web.http.PagedResponse;
import io.facegate.web.http.QueryValues;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
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

    @Inject
    ReportJobs jobs;

    @Inject
    ReportFiles files;

    @Inject
    ReportSettings settings;

    @Inject
    RealTimeAnalytics analytics;

    @Context
    HttpServletRequest http;

    @Context
    UriInfo uri;

    static final String PDF = "application/pdf";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

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

    /** A report file to make: seed 004's parameters as a body. */
    public record FileRequest(@NotNull @Size(max = 20) String format, @Size(max = 20) String period, LocalDate dateFrom, LocalDate dateTo,
                              @Size(max = 200) String department, @Size(max = PeopleScope.MAX_EMPLOYEE_IDS) List<String> employeeIds) {
        /** Declared, so that the constraints stay on the fields (see {@link io.facegate.web.http.JsonConfiguration}). */
        public FileRequest(String format, String period, LocalDate dateFrom, LocalDate dateTo, String department, List<String> employeeIds) {
            this.format = format;
            this.period = period;
            this.dateFrom = dateFrom;
            this.dateTo = dateTo;
            this.department = department;
            this.employeeIds = employeeIds;
        }
    }

    @GET
    @Path("attendance")
    @RequiresRole(Roles.STAFF)
    @Produces({MediaType.APPLICATION_JSON, PDF, XLSX})
    @Operation(summary = "Attendance report over a range of the client's days (default: the period holding today). attendance_rate = "
            + "person-days present / (active people x working days up to today); working days from the client's calendar "
            + "(GET /api/v1/reports/calendar/). employee_ids: comma-separated. Faculty see their department. format=pdf or excel: "
            + "the file when the batch job made it within a short wait, else 202 with status_url and download_url")
    @APIResponse(responseCode = "200", description = "The JSON report, or the PDF/Excel file")
    @APIResponse(responseCode = "202", description = "The file is being made: follow status_url; download_url works once completed")
    public Response attendance(@QueryParam("format") String format, @QueryParam("period") String period,
                               @QueryParam("date_from") String dateFrom, @QueryParam("date_to") String dateTo,
                               @QueryParam("department") String department, @QueryParam("employee_ids") String employeeIds) {
        List<String> employees = employeeIds == null ? List.of() : Arrays.asList(employeeIds.split(","));
        ReportRequest request = request(format, period, QueryValues.date("date_from", dateFrom), QueryValues.date("date_to", dateTo),
                department, employees);
        AttendanceViewer viewer = viewer();
        if (!request.format().isFile()) {
            return Response.ok(AttendanceReportView.of(reports.create(viewer, request)), MediaType.APPLICATION_JSON).build();
        }
        Report report = jobs.awaitEnd(viewer, jobs.request(viewer, request).getId());
        if (report.getStatus() == ReportStatus.COMPLETED) {
            return Response.ok(files.content(report), report.getFormat().contentType())
                    .header("Content-Disposition", "attachment; filename=\"" + report.getNumber() + "." + report.getFormat().extension() + "\"")
                    .header("Content-Location", statusUrl(report)).build();
        }
        return Response.accepted(view(report)).type(MediaType.APPLICATION_JSON).build();
    }

    @POST
    @RequiresRole(Roles.STAFF)
    @Operation(summary = "Make an attendance report file (format pdf or excel) in the background: 202 with status_url; "
            + "the same parameters as GET /api/v1/reports/attendance/, employee_ids as a list")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "monthly PDF",
            value = "{\"format\": \"pdf\", \"period\": \"monthly\", \"date_from\": \"2024-02-01\", \"date_to\": \"2024-02-29\","
                    + " \"department\": \"Computer Science\"}")))
    @APIResponse(responseCode = "202", description = "The report is queued: follow status_url")
    public Response requestFile(@Valid @NotNull FileRequest body) {
        if (body.employeeIds() != null && body.employeeIds().stream().anyMatch(Objects::isNull)) {
            throw FaceGateException.invalid("invalid_employee_ids", "employee_ids must be a list of employee ids");
        }
        ReportRequest request = request(body.format(), body.period(), body.dateFrom(), body.dateTo(), body.department(),
                body.employeeIds() == null ? List.of() : body.employeeIds());
        return Response.accepted(view(jobs.request(viewer(), request))).build();
    }

    @GET
    @RequiresRole(Roles.STAFF)
    @Operation(summary = "Reports made, newest first (admins: all of the client's; others: their own)")
    public PagedResponse<ReportStatusView> list(@QueryParam("page") String page, @QueryParam("page_size") String pageSize,
                                                @Context UriInfo uri) {
        PageNumbers paging = PageNumbers.of(page, pageSize);
        return paging.response(reports.list(viewer(), paging.offset(), paging.pageSize()).map(this::view), uri);
    }

    @GET
    @Path("{id}")
    @RequiresRole(Roles.STAFF)
    @Operation(summary = "One report: status, progress (share of rows written) and, once completed, a presigned download_url")
    public ReportStatusView status(@PathParam("id") String id) {
        return view(jobs.status(viewer(), Ids.parse(id, "report")));
    }

    @GET
    @Path("analytics/real-time")
    @RequiresRole(Roles.STAFF)
    @Operation(summary = "Real-time dashboard (seed 004): today_attendance (people seen today, the client's day), current_occupancy "
            + "(people seen today whose last sighting is within the occupancy window: cameras do not see people leave), peak_hour, "
            + "avg_processing_time (mean recognition seconds of today's logs), system_health (this client's API response time over "
            + "5 minutes, face engine, database connections, face tasks waiting), camera_status. Faculty see their department")
    public RealTimeView realTime() {
        return RealTimeView.of(analytics.now(viewer()));
    }

    @GET
    @Path("patterns")
    @RequiresRole(Roles.STAFF)
    @Operation(summary = "Attendance patterns (seed 004): per weekday the mean people present over the last `weeks` whole weeks "
            + "(default 8, 2 to 52) and its peak hour; the attendance rate per season (meteorological, northern hemisphere) over the "
            + "last 52 weeks; next week's attendance from same-weekday means, with a confidence from their spread. Faculty see their "
            + "department")
    public PatternsView patterns(@QueryParam("department") String department, @QueryParam("weeks") String weeks) {
        int count = QueryValues.number("weeks", weeks, 8);
        if (count < 2 || count > 52) {
            throw FaceGateException.invalid("invalid_weeks", "weeks must be between 2 and 52");
        }
        return PatternsView.of(reports.patterns(viewer(), department == null || department.isBlank() ? null : department.strip(), count),
                count);
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
        if (holidays.stream().anyMatch(Objects::isNull)) {
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

    private ReportStatusView view(Report report) {
        String download = report.getStatus() == ReportStatus.COMPLETED && report.getFormat().isFile() ? files.downloadUrl(report) : null;
        return ReportStatusView.of(report, statusUrl(report), download, settings.downloadLinkSeconds());
    }

    private String statusUrl(Report report) {
        return uri.getBaseUriBuilder().path("v1/reports/{id}/").build(report.getId()).toString();
    }

    private AttendanceViewer viewer() {
        return AttendanceViewer.of(Callers.client(http));
    }

    private static ReportRequest request(String format, String period, LocalDate dateFrom, LocalDate dateTo, String department,
                                         List<String> employeeIds) {
        ReportFormat kind = QueryValues.enumeration(ReportFormat.class, "format", format, ReportFormat.JSON);
        SummaryPeriod unit = QueryValues.enumeration(SummaryPeriod.class, "period", period, SummaryPeriod.MONTHLY);
        List<String> employees = employeeIds.stream().map(String::strip).filter(id -> !id.isEmpty()).distinct().toList();
        if (employees.size() > PeopleScope.MAX_EMPLOYEE_IDS) {
            throw FaceGateException.invalid("invalid_employee_ids", "employee_ids names at most " + PeopleScope.MAX_EMPLOYEE_IDS + " people");
        }
        return new ReportRequest(kind, unit, dateFrom, dateTo, department == null || department.isBlank() ? null : department.strip(), employees);
    }
}
