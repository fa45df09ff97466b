package io.facegate.web.usage;

import io.facegate.authentication.Roles;
import io.facegate.usage.UsageFilter;
import io.facegate.usage.UsageReport;
import io.facegate.web.authentication.Callers;
import io.facegate.web.authentication.RequiresRole;
import io.facegate.web.http.PagedResponse;
import io.facegate.web.http.Paging;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A client's own API usage (seed 000): every authenticated call it made, and a daily summary. */
@Path("clients/usage")
@RequiresRole(Roles.CLIENT)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analytics")
public class UsageResource {

    private static final String LIST_EXAMPLE = "{\"count\": 150, \"next\": \"https://facegate.example.com/api/clients/usage/"
            + "?category=recognition&offset=20&limit=20\", \"previous\": null, \"results\": [{\"id\": "
            + "\"0b9f7c1e-3c1a-4d8e-9a53-2f4f1c0d7a11\", \"endpoint\": \"recognition\", \"method\": \"POST\", "
            + "\"status_code\": 200, \"response_time_ms\": 156.3, \"ip_address\": \"192.168.1.100\", \"user_agent\": "
            + "\"python-requests/2.32\", \"created_at\": \"2025-10-12T10:30:00Z\", \"metadata\": {\"path\": "
            + "\"/api/faces/compare\", \"query_params\": {}, \"view_name\": \"FaceResource#compareJson\"}}]}";

    private static final String SUMMARY_EXAMPLE = "{\"from\": \"2025-10-01T00:00:00Z\", \"to\": \"2025-10-12T23:59:59.999999Z\", "
            + "\"calls\": 150, \"errors\": 3, \"results\": [{\"date\": \"2025-10-12\", \"endpoint\": \"recognition\", "
            + "\"calls\": 120, \"errors\": 2, \"avg_response_time_ms\": 150.2, \"p95_response_time_ms\": 310.4}]}";

    @Inject
    UsageReport report;

    @Context
    HttpServletRequest http;

    @GET
    @Operation(summary = "List this client's API calls, newest first",
            description = "Every authenticated call is recorded asynchronously: it appears here within about a second. "
                    + "Filters combine; from/to are inclusive ISO-8601 instants or UTC days.")
    @APIResponse(responseCode = "200", description = "One page of calls",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "usage", value = LIST_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A filter or paging value is malformed")
    public PagedResponse<UsageView> list(
            @Parameter(description = "enrollment, recognition, liveness, authentication, webhook, analytics, clients, system or other")
            @QueryParam("category") String category,
            @Parameter(description = "a status code (404) or class (4xx)") @QueryParam("status") String status,
            @Parameter(description = "HTTP method, e.g. POST") @QueryParam("method") String method,
            @Parameter(description = "first instant, e.g. 2025-10-12T00:00:00Z or 2025-10-12") @QueryParam("from") String from,
            @Parameter(description = "last instant, e.g. 2025-10-12T23:59:59Z or 2025-10-12 (the whole day)") @QueryParam("to") String to,
            @QueryParam("offset") String offset, @QueryParam("limit") String limit,
            @Context UriInfo uri) {
        UsageFilter filter = UsageFilter.parse(category, status, method, from, to);
        Paging paging = Paging.of(offset, limit);
        return PagedResponse.of(report.list(Callers.tenant(http), filter, paging.offset(), paging.limit()).map(UsageView::of), uri);
    }

    @GET
    @Path("summary")
    @Operation(summary = "Calls, errors (status >= 400) and average and 95th-percentile response times per category and UTC day",
            description = "Without from/to: the last " + UsageReport.SUMMARY_DEFAULT_DAYS + " days up to now; at most "
                    + UsageReport.SUMMARY_MAX_DAYS + " days. Takes the same filters as the listing.")
    @APIResponse(responseCode = "200", description = "The summary",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "summary", value = SUMMARY_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A filter is malformed or the period is too long")
    public UsageSummaryView summary(@QueryParam("category") String category,
                                    @QueryParam("status") String status,
                                    @QueryParam("method") String method,
                                    @QueryParam("from") String from,
                                    @QueryParam("to") String to) {
        UsageFilter filter = UsageFilter.parse(category, status, method, from, to);
        return UsageSummaryView.of(report.summarize(Callers.tenant(http), filter));
    }
}
