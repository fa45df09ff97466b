package io.facegate.web.detections;

import io.facegate.authentication.Roles;
import io.facegate.system.Page;
import io.facegate.web.authentication.Callers;
import io.facegate.web.authentication.RequiresRole;
import io.facegate.web.http.Ids;
import io.facegate.web.http.PagedResponse;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Faces the client's cameras saw. Another client's detection is 404 like a missing one. */
@Path("v1/detections")
@RequiresRole(Roles.CLIENT)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Detections")
public class DetectionResource {

    @Inject
    DetectionQueries queries;

    @Context
    HttpServletRequest http;

    @GET
    @Operation(summary = "List detection events, newest first (filters: camera_id, client_user_id = FaceGate's id or your"
            + " external_user_id, status MATCHED|MULTIPLE_MATCHES|NEW_FACE|UNKNOWN, start_date, end_date as ISO date or instant)")
    public PagedResponse<DetectionView> list(@QueryParam("camera_id") String cameraId, @QueryParam("client_user_id") String person,
                                             @QueryParam("status") String status, @QueryParam("start_date") String from,
                                             @QueryParam("end_date") String to, @QueryParam("offset") @DefaultValue("0") int offset,
                                             @QueryParam("limit") @DefaultValue("" + Page.DEFAULT_LIMIT) int limit, @Context UriInfo uri) {
        return PagedResponse.of(queries.list(Callers.tenant(http), cameraId, person, status, from, to, offset, limit), uri);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One detection event, with time-limited URLs of the face crop and the frame")
    @APIResponse(responseCode = "404", description = "No such detection for this client")
    public DetectionView get(@PathParam("id") String id) {
        return queries.get(Callers.tenant(http), Ids.parse(id, "detection"));
    }
}
