package io.facegate.web.detections;

import io.facegate.authentication.Roles;
import io.facegate.system.Page;
import io.facegate.web.authentication.Callers;
import io.facegate.web.authentication.RequiresRole;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Seed 002's detection listing, in its camelCase, for integrations written against it. */
@Path("facial-recognition/detections")
@RequiresRole(Roles.CLIENT)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Detections")
public class SeedDetectionResource {

    /** Seed 002's default page size. */
    private static final int SEED_DEFAULT_LIMIT = 100;

    @Inject
    DetectionQueries queries;

    @Context
    HttpServletRequest http;

    @GET
    @Operation(summary = "Seed 002: list detection events (cameraId, clientId = the matched person's id or external_user_id,"
            + " status MATCHED|NEW_FACE|MULTIPLE_MATCHES|UNKNOWN, limit default 100, offset, startDate, endDate)")
    public SeedDetectionView.Listing list(@QueryParam("cameraId") String cameraId, @QueryParam("clientId") String person,
                                          @QueryParam("status") String status, @QueryParam("startDate") String from,
                                          @QueryParam("endDate") String to, @QueryParam("offset") @DefaultValue("0") int offset,
                                          @QueryParam("limit") @DefaultValue("" + SEED_DEFAULT_LIMIT) int limit) {
        Page<DetectionView> page = queries.list(Callers.tenant(http), cameraId, person, status, from, to, offset, limit);
        return new SeedDetectionView.Listing(true, page.items().stream().map(SeedDetectionView::of).toList(), page.count());
    }
}
