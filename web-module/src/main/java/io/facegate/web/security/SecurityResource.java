package io.facegate.web.security;

import io.facegate.audit.AuditFilter;
import io.facegate.audit.AuditLog;
import io.facegate.authentication.Roles;
import io.facegate.domain.audit.AuditAction;
import io.facegate.domain.audit.AuditSeverity;
import io.facegate.web.FaceGateApi;
import io.facegate.web.authentication.Callers;
import io.facegate.web.authentication.RequiresRole;
import io.facegate.web.http.PageNumbers;
import io.facegate.web.http.PagedResponse;
import io.facegate.web.http.QueryValues;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Seed 004's security endpoints. The audit log is read-only here: entries are written from the
 * domain events and leave only by retention, so there is no operation that changes or deletes one.
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

    @Inject
    AuditLog auditLog;

    @Context
    HttpServletRequest http;

    @GET
    @Path("audit-logs")
    @Operation(summary = "The client's audit log, newest first (admins): logins, logouts, enrollments, verifications, "
            + "identifications, manual marks, erasures, spoof suspicions, exports",
            description = "action: login, logout, enrollment, verification, identification, manual_mark, user_erasure, "
                    + "spoof_suspected, export. user_id: the person's employee (external) id. date_from: a date (from its start, UTC) "
                    + "or an ISO-8601 instant. severity: info, warning, error. Paged with page and page_size.")
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

    /** A day (from its start in UTC) or an instant. */
    private static Instant from(String value) {
        if (value != null && value.strip().length() == "2024-03-15".length()) {
            return QueryValues.date("date_from", value).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return QueryValues.instant("date_from", value);
    }
}
