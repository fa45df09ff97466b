package io.facegate.web.reports;

import io.facegate.authentication.Roles;
import io.facegate.domain.reports.PeopleScope;
import io.facegate.domain.reports.ReportFormat;
import io.facegate.domain.reports.ReportSchedule;
import io.facegate.domain.reports.ScheduleFrequency;
import io.facegate.reports.ReportSchedules;
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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Scheduled attendance report files (admins): after each day, week or month of the client's time
 * zone, that period's report is made and announced as the {@code report.ready} webhook.
 */
@Path("v1/reports/schedules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Reports")
@SecurityRequirement(name = FaceGateApi.CLIENT_TOKEN)
@SecurityRequirement(name = FaceGateApi.CLIENT_KEY)
@SecurityRequirement(name = FaceGateApi.PERSON_TOKEN)
public class ReportScheduleResource {

    @Inject
    ReportSchedules schedules;

    @Context
    HttpServletRequest http;

    public record ScheduleRequest(@NotBlank @Size(max = 20) String frequency, @NotBlank @Size(max = 20) String format,
                                  @Size(max = 200) String department, @Size(max = PeopleScope.MAX_EMPLOYEE_IDS) List<String> employeeIds) {
        /** Declared, so that the constraints stay on the fields (see {@link io.facegate.web.http.JsonConfiguration}). */
        public ScheduleRequest(String frequency, String format, String department, List<String> employeeIds) {
            this.frequency = frequency;
            this.format = format;
            this.department = department;
            this.employeeIds = employeeIds;
        }
    }

    /** A schedule: when it runs next, and the report of its last run ({@code GET /api/v1/reports/{id}/}). */
    public record ScheduleView(UUID id, String frequency, String format, String department, List<String> employeeIds, boolean isActive,
                               Instant nextRunAt, Instant lastRunAt, UUID lastReportId, Instant createdAt) {
        static ScheduleView of(ReportSchedule schedule) {
            return new ScheduleView(schedule.getId(), schedule.getFrequency().apiName(), schedule.getFormat().apiName(),
                    schedule.getDepartment(), schedule.employeeIds(), schedule.isActive(), schedule.getNextRunAt(), schedule.getLastRunAt(),
                    schedule.getLastReportId(), schedule.getCreatedAt());
        }
    }

    @POST
    @RequiresRole(Roles.TENANT_ADMIN)
    @Operation(summary = "Schedule a report file (frequency daily, weekly or monthly; format pdf or excel): after each period of the "
            + "client's time zone, at its midnight, the period's report is made and sent as the report.ready webhook")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "monthly Excel",
            value = "{\"frequency\": \"monthly\", \"format\": \"excel\", \"department\": \"Computer Science\"}")))
    @APIResponse(responseCode = "201", description = "Scheduled")
    public Response create(@Valid @NotNull ScheduleRequest request) {
        List<String> employees = request.employeeIds() == null ? List.of() : request.employeeIds();
        if (employees.stream().anyMatch(id -> id == null || id.isBlank() || id.contains(","))) {
            throw FaceGateException.invalid("invalid_employee_ids", "employee_ids must be employee ids (without commas)");
        }
        ReportSchedule schedule = schedules.create(Callers.tenant(http),
                QueryValues.enumeration(ScheduleFrequency.class, "frequency", request.frequency()),
                QueryValues.enumeration(ReportFormat.class, "format", request.format()),
                request.department() == null || request.department().isBlank() ? null : request.department().strip(),
                employees.stream().map(String::strip).distinct().toList());
        return Response.status(Response.Status.CREATED).entity(ScheduleView.of(schedule)).build();
    }

    @GET
    @RequiresRole(Roles.TENANT_ADMIN)
    @Operation(summary = "The client's report schedules")
    public PagedResponse<ScheduleView> list(@QueryParam("page") String page, @QueryParam("page_size") String pageSize, @Context UriInfo uri) {
        PageNumbers paging = PageNumbers.of(page, pageSize);
        return paging.response(schedules.list(Callers.tenant(http), paging.offset(), paging.pageSize()).map(ScheduleView::of), uri);
    }

    @GET
    @Path("{id}")
    @RequiresRole(Roles.TENANT_ADMIN)
    @Operation(summary = "One report schedule")
    public ScheduleView get(@PathParam("id") String id) {
        return ScheduleView.of(schedules.find(Callers.tenant(http), Ids.parse(id, "report schedule")));
    }

    @DELETE
    @Path("{id}")
    @RequiresRole(Roles.TENANT_ADMIN)
    @Operation(summary = "Stop and remove a report schedule (its reports stay)")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response delete(@PathParam("id") String id) {
        schedules.delete(Callers.tenant(http), Ids.parse(id, "report schedule"));
        return Response.noContent().build();
    }
}
