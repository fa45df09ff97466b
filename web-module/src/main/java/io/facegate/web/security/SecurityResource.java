package io.facegate.web.security;

import io.facegate.audit.AuditFilter;
import io.facegate.audit.AuditLog;
import io.facegate.authentication.CallerIdentity;
import io.facegate.authentication.Roles;
import io.facegate.domain.audit.AuditAction;
import io.facegate.domain.audit.AuditSeverity;
import io.facegate.domain.incidents.Incident;
import io.facegate.domain.incidents.IncidentSeverity;
import io.facegate.domain.incidents.IncidentType;
import io.facegate.incidents.IncidentFilter;
import io.facegate.incidents.IncidentReport;
import io.facegate.incidents.Incidents;
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
import jakarta.ws.rs.Consumes;
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
import java.time.ZoneOffset;

/**
 * Seed 004's security endpoints: the audit log, read-only here (entries are written from the
 * domain events and leave only by retention, so there is no operation that changes or deletes one),
 * and security incidents, reported or raised by FaceGate, which are records and likewise never change.
 */
@Path("v1/security")
@RequiresRole(Roles.TENANT_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Security")
@SecurityRequirement(name = FaceGateApi.CLIENT_TOKEN)
@SecurityRequirement(name = FaceGateApi.CLIENT_KEY)
@SecurityRequirement(name = FaceGateApi.PERSON_TOKEN)
public class SecurityResource {

    private static final String TYPES = "spoofing_attempt, liveness_failures, unauthorized_access, tailgating, camera_tampering, other";

    @Inject
    AuditLog auditLog;

    @Inject
    Incidents incidents;

    @Context
    HttpServletRequest http;

    @GET
    @Path("audit-logs")
    @Operation(summary = "The client's audit log, newest first (admins): logins (people's and with API credentials, granted or refused), "
            + "logouts, enrollments, verifications, identifications, manual marks, erasures, spoof suspicions, exports, configuration "
            + "changes, key rotations",
            description = "action: login, api_login, logout, enrollment, verification, identification, manual_mark, user_erasure, "
                    + "spoof_suspected, export, configuration_change, key_rotation. user_id: the person's employee (external) id. date_from: a date (from its start, UTC) "
                    + "or an ISO-8601 instant. severity: info, warning, error. Paged with page and page_size. Each entry's ip_address and "
                    + "user_agent are those of the REST call that caused it (X-Forwarded-For only from trusted proxies); null when no "
                    + "caller made it (a scheduled report) or its transport does not say (WebSocket frames).")
    public PagedResponse<AuditEntryView> auditLogs(@QueryParam("action") String action, @QueryParam("user_id") String userId,
                                                   @QueryParam("date_from") String dateFrom, @QueryParam("severity") String severity,
                                                   @QueryParam("page") String page, @QueryParam("page_size") String pageSize,
                                                   @Context UriInfo uri) {
        PageNumbers paging = PageNumbers.of(page, pageSize);
        AuditFilter filter = new AuditFilter(QueryValues.enumeration(AuditAction.class, "action", action),
                userId == null || userId.isBlank() ? null : userId.strip(), from(dateFrom),
                QueryValues.enumeration(AuditSeverity.class, "severity", severity));
        return paging.response(auditLog.entries(Callers.tenant(http), filter, paging.offset(), paging.pageSize()).map(AuditEntryView::of),
                uri);
    }

    @POST
    @Path("report-incident")
    @Operation(summary = "Report a security incident (admins), optionally with a photo stored in object storage",
            description = "type: " + TYPES + ". severity: low, medium, high, critical. camera_id: one of the client's cameras. "
                    + "timestamp: when it happened (default now; never in the future). image: a data:image/...;base64 URL or plain "
                    + "base64 (JPEG, PNG, GIF, BMP, WebP; up to 8 MB). FaceGate also raises spoofing_attempt and liveness_failures "
                    + "incidents itself.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "incident",
            value = "{\"type\": \"spoofing_attempt\", \"description\": \"Multiple failed liveness checks\", \"severity\": \"medium\"}")))
    @APIResponse(responseCode = "201", description = "Recorded")
    @APIResponse(responseCode = "400", description = "A field is missing or invalid, or the camera is not the client's")
    @APIResponse(responseCode = "415", description = "The image is not an image FaceGate reads")
    public Response reportIncident(@Valid @NotNull IncidentRequest request, @Context UriInfo uri) {
        CallerIdentity caller = Callers.identify(http);
        String reportedBy = caller.person() != null ? "person:" + caller.person().personId() : "client:" + caller.clientId();
        IncidentReport report = new IncidentReport(QueryValues.enumeration(IncidentType.class, "type", request.type()),
                request.cameraId() == null || request.cameraId().isBlank() ? null : request.cameraId().strip(), request.timestamp(),
                request.description().strip(), QueryValues.enumeration(IncidentSeverity.class, "severity", request.severity()),
                request.image() == null || request.image().isBlank() ? null : request.image());
        Incident incident = incidents.report(caller.clientId(), reportedBy, report);
        return Response.created(uri.getBaseUriBuilder().path("v1/security/incidents/" + incident.getId() + "/").build())
                .entity(view(incident)).build();
    }

    @GET
    @Path("incidents")
    @Operation(summary = "The client's security incidents, latest first (admins): reported ones and those FaceGate raised",
            description = "Filters: type, severity, date_from (a date, from its start in UTC, or an ISO-8601 instant). Paged with page and page_size.")
    public PagedResponse<IncidentView> incidents(@QueryParam("type") String type, @QueryParam("severity") String severity,
                                                 @QueryParam("date_from") String dateFrom, @QueryParam("page") String page,
                                                 @QueryParam("page_size") String pageSize, @Context UriInfo uri) {
        PageNumbers paging = PageNumbers.of(page, pageSize);
        IncidentFilter filter = new IncidentFilter(QueryValues.enumeration(IncidentType.class, "type", type),
                QueryValues.enumeration(IncidentSeverity.class, "severity", severity), from(dateFrom));
        return paging.response(incidents.list(Callers.tenant(http), filter, paging.offset(), paging.pageSize()).map(this::view), uri);
    }

    @GET
    @Path("incidents/{id}")
    @Operation(summary = "One of the client's incidents, with a fresh presigned link to its photo")
    @APIResponse(responseCode = "404", description = "No such incident of this client")
    public IncidentView incident(@PathParam("id") String id) {
        return view(incidents.get(Callers.tenant(http), Ids.parse(id, "incident")));
    }

    private IncidentView view(Incident incident) {
        return IncidentView.of(incident, incidents.imageUrl(incident));
    }

    /** A day (from its start in UTC) or an instant. */
    private static Instant from(String value) {
        if (value != null && value.strip().length() == "2024-03-15".length()) {
            return QueryValues.date("date_from", value).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return QueryValues.instant("date_from", value);
    }
}
