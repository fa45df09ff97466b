package io.facegate.web.attendance;

import io.facegate.attendance.AttendanceBook;
import io.facegate.attendance.AttendancePolicy;
import io.facegate.attendance.AttendanceQueries;
import io.facegate.attendance.AttendanceViewer;
import io.facegate.attendance.LogFilter;
import io.facegate.attendance.LoggedAttendance;
import io.facegate.attendance.SummaryPeriod;
import io.facegate.authentication.CallerIdentity;
import io.facegate.authentication.Roles;
import io.facegate.domain.attendance.AttendanceLog;
import io.facegate.domain.attendance.AttendanceSettings.Geofence;
import io.facegate.system.FaceGateException;
import io.facegate.web.FaceGateApi;
import io.facegate.web.authentication.Callers;
import io.facegate.web.authentication.RequiresRole;
import io.facegate.web.http.PageNumbers;
import io.facegate.web.http.PagedResponse;
import io.facegate.web.http.QueryValues;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
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

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Seed 004's attendance: logs (each reader sees what their role allows), summaries (admins and
 * faculty), manual marks and the client's attendance settings (admins).
 */
@Path("v1/attendance")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Attendance")
@SecurityRequirement(name = FaceGateApi.CLIENT_TOKEN)
@SecurityRequirement(name = FaceGateApi.CLIENT_KEY)
@SecurityRequirement(name = FaceGateApi.PERSON_TOKEN)
public class AttendanceResource {

    @Inject
    AttendanceQueries queries;

    @Inject
    AttendanceBook book;

    @Context
    HttpServletRequest http;

    public record ManualMark(@NotBlank @Size(max = 255) String employeeId, Instant timestamp, @NotBlank @Size(max = 500) String reason,
                             @Size(max = 254) String markedBy) {
        /** Declared, so that the constraints stay on the fields (see {@link io.facegate.web.http.JsonConfiguration}). */
        public ManualMark(String employeeId, Instant timestamp, String reason, String markedBy) {
            this.employeeId = employeeId;
            this.timestamp = timestamp;
            this.reason = reason;
            this.markedBy = markedBy;
        }
    }

    public record GeofenceSetting(@NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
                                  @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
                                  @NotNull @DecimalMin("1") @DecimalMax("100000") Double radiusMeters) {
        /** Declared, so that the constraints stay on the fields (see {@link io.facegate.web.http.JsonConfiguration}). */
        public GeofenceSetting(Double latitude, Double longitude, Double radiusMeters) {
            this.latitude = latitude;
            this.longitude = longitude;
            this.radiusMeters = radiusMeters;
        }
    }

    /** The whole settings (a PUT): a missing geofence removes it. */
    public record Settings(@NotBlank @Size(max = 64) String timeZone, @NotNull @Min(0) @Max(86_400) Integer debounceSeconds,
                           @Valid GeofenceSetting geofence) {
        /** Declared, so that the constraints stay on the fields (see {@link io.facegate.web.http.JsonConfiguration}). */
        public Settings(String timeZone, Integer debounceSeconds, GeofenceSetting geofence) {
            this.timeZone = timeZone;
            this.debounceSeconds = debounceSeconds;
            this.geofence = geofence;
        }

        static Settings of(AttendancePolicy policy) {
            Geofence fence = policy.geofence();
            return new Settings(policy.timeZone().getId(), (int) policy.debounce().toSeconds(),
                    fence == null ? null : new GeofenceSetting(fence.latitude(), fence.longitude(), fence.radiusMeters()));
        }
    }

    @GET
    @Path("logs")
    @RequiresRole(Roles.MEMBER)
    @Operation(summary = "Attendance logs, newest first: admins see everyone's, faculty their department's, students their own. "
            + "Dates are days in the client's time zone, inclusive")
    public PagedResponse<AttendanceLogView> logs(@QueryParam("employee_id") String employeeId, @QueryParam("date_from") String dateFrom,
                                                 @QueryParam("date_to") String dateTo, @QueryParam("camera_id") String cameraId,
                                                 @QueryParam("department") String department, @QueryParam("page") String page,
                                                 @QueryParam("page_size") String pageSize, @Context UriInfo uri) {
        PageNumbers paging = PageNumbers.of(page, pageSize);
        LogFilter filter = new LogFilter(blankToNull(employeeId), date("date_from", dateFrom), date("date_to", dateTo), blankToNull(cameraId),
                blankToNull(department));
        return paging.response(queries.logs(viewer(), filter, paging.offset(), paging.pageSize()).map(AttendanceLogView::of), uri);
    }

    @GET
    @Path("summary")
    @RequiresRole(Roles.STAFF)
    @Operation(summary = "Attendance summary over a range of days in the client's time zone (default: the period holding today): "
            + "total_attendances, unique_persons, departments, hourly_distribution and a breakdown per period. Faculty see their department")
    public AttendanceSummaryView summary(@QueryParam("period") String period, @QueryParam("date_from") String dateFrom,
                                         @QueryParam("date_to") String dateTo, @QueryParam("department") String department) {
        SummaryPeriod unit = QueryValues.enumeration(SummaryPeriod.class, "period", period, SummaryPeriod.DAILY);
        return AttendanceSummaryView.of(queries.summary(viewer(), unit, date("date_from", dateFrom), date("date_to", dateTo),
                blankToNull(department)));
    }

    @POST
    @Path("mark")
    @RequiresRole(Roles.TENANT_ADMIN)
    @Operation(summary = "Mark a person present by hand (admin): a reason is required, and the mark records who really made it")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "manual mark",
            value = "{\"employee_id\": \"FAC001\", \"timestamp\": \"2024-03-15T08:45:00Z\", \"reason\": \"Manual entry due to system issue\","
                    + " \"marked_by\": \"admin@college.edu\"}")))
    @APIResponse(responseCode = "201", description = "Attendance logged")
    @APIResponse(responseCode = "404", description = "No such employee_id for this client")
    public Response mark(@Valid @NotNull ManualMark request) {
        CallerIdentity caller = Callers.client(http);
        AttendanceLog log = book.markManually(caller, request.employeeId(), request.timestamp() == null ? Instant.now() : request.timestamp(),
                request.reason(), request.markedBy());
        return Response.status(Response.Status.CREATED)
                .entity(AttendanceLogView.of(new LoggedAttendance(log, queries.personOf(caller.clientId(), log)))).build();
    }

    @GET
    @Path("settings")
    @RequiresRole(Roles.TENANT_ADMIN)
    @Operation(summary = "The client's attendance settings: time zone of days and hours, debounce window, mobile geofence")
    public Settings settings() {
        return Settings.of(book.policy(Callers.tenant(http)));
    }

    @PUT
    @Path("settings")
    @RequiresRole(Roles.TENANT_ADMIN)
    @Operation(summary = "Set the client's attendance settings (an IANA time zone such as Europe/Berlin; debounce_seconds: a person "
            + "recognised again within it is not logged again; geofence: where mobile check-ins are accepted, or null)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "settings",
            value = "{\"time_zone\": \"America/New_York\", \"debounce_seconds\": 3600,"
                    + " \"geofence\": {\"latitude\": 40.7128, \"longitude\": -74.006, \"radius_meters\": 500}}")))
    public Settings configure(@Valid @NotNull Settings settings) {
        ZoneId zone;
        try {
            zone = ZoneId.of(settings.timeZone().strip());
        } catch (DateTimeException e) {
            throw FaceGateException.invalid("invalid_time_zone", "time_zone must be an IANA time zone such as Europe/Berlin");
        }
        GeofenceSetting fence = settings.geofence();
        return Settings.of(book.configure(Callers.tenant(http), zone, settings.debounceSeconds(),
                fence == null ? null : new Geofence(fence.latitude(), fence.longitude(), fence.radiusMeters())));
    }

    private AttendanceViewer viewer() {
        return AttendanceViewer.of(Callers.client(http));
    }

    private static LocalDate date(String name, String value) {
        return QueryValues.date(name, value);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
