package io.facegate.web.profiles;

import io.facegate.authentication.Roles;
import io.facegate.domain.profiles.FacialProfile;
import io.facegate.profiles.FacialProfiles;
import io.facegate.profiles.ProfileSettings;
import io.facegate.recognition.FaceEngine;
import io.facegate.system.Page;
import io.facegate.web.authentication.Callers;
import io.facegate.web.authentication.RequiresRole;
import io.facegate.web.http.Paging;
import io.facegate.web.http.QueryValues;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Seed 002's facial profiles: people's face sources, and their bulk import (JSON array, CSV, or a ZIP of photos). */
@Path("facial-recognition/profiles")
@RequiresRole(Roles.CLIENT)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Facial Profiles")
public class ProfileResource {

    static final String PROFILE_EXAMPLE = "{\"clientId\": \"client-id\", \"provider\": \"python-api\", \"version\": \"1.0\","
            + " \"imageUrl\": \"https://photos.example.com/client-id.jpg\"}";

    @Inject
    FacialProfiles profiles;

    @Inject
    ProfileSyncStarter starter;

    @Inject
    ProfileSettings settings;

    @Inject
    FaceEngine engine;

    @Context
    HttpServletRequest http;

    /**
     * Seed 002's profile body. {@code clientId} is the person's id in the client's system; an
     * {@code embedding} is kept only with FaceGate's {@code model}, and is refused (422) without a photo otherwise.
     */
    public record ProfileRequest(@JsonbProperty("clientId") String clientId, String name, String provider,
                                 @JsonbProperty("providerFaceId") String providerFaceId, String version, List<Double> embedding, String model,
                                 @JsonbProperty("imageUrl") String imageUrl) {

        FacialProfiles.NewProfile profile() {
            return new FacialProfiles.NewProfile(clientId, name, provider, providerFaceId, version, embedding, model, imageUrl, null);
        }
    }

    @GET
    @Operation(summary = "Seed 002: list facial profiles, newest first (clientId: the person's id in your system; activeOnly; offset, limit)")
    public ProfileViews.Profiles list(@QueryParam("clientId") String personId, @QueryParam("activeOnly") String activeOnly,
                                      @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        Paging paging = Paging.of(offset, limit);
        Boolean active = QueryValues.bool("activeOnly", activeOnly);
        Page<FacialProfile> page = profiles.list(Callers.tenant(http), personId == null || personId.isBlank() ? null : personId,
                Boolean.TRUE.equals(active), paging.offset(), paging.limit());
        Map<UUID, String> people = profiles.personIds(page.items());
        return new ProfileViews.Profiles(true, page.items().stream()
                .map(p -> ProfileViews.Profile.of(p, people.get(p.getClientUserId()))).toList(), page.count());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Seed 002: create a facial profile (clientId, provider, providerFaceId, version, imageUrl, or an embedding of"
            + " FaceGate's model); POST /api/facial-recognition/sync makes templates from profiles")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "photo URL", value = PROFILE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Profile stored (the person is registered if new)")
    @APIResponse(responseCode = "422", description = "An imageUrl the egress policy refuses, or an embedding of another model without a photo")
    public Response create(@Valid @NotNull ProfileRequest request, @Context UriInfo uri) {
        FacialProfile profile = profiles.create(Callers.tenant(http), request.profile());
        return Response.status(Response.Status.CREATED).entity(new ProfileViews.Created(true, ProfileViews.Profile.of(profile,
                profiles.personIds(List.of(profile)).get(profile.getClientUserId())))).build();
    }

    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Bulk import: a JSON array of profiles (as POST /api/facial-recognition/profiles takes), then a sync of them"
            + " (a Jakarta Batch job): its result when it ends within the wait, else 202 with its status URL")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "profiles",
            value = "[" + PROFILE_EXAMPLE + "]")))
    @APIResponse(responseCode = "200", description = "Imported and synced: per-profile errors in sync.errors")
    @APIResponse(responseCode = "202", description = "Imported; the sync goes on (sync.statusUrl)")
    public Response importJson(@NotNull List<ProfileRequest> requests, @Context UriInfo uri) {
        if (requests.size() > settings.maxImportProfiles()) {
            throw ProfileUploads.tooMany(settings.maxImportProfiles());
        }
        return starter.importAndSync(Callers.tenant(http), requests.stream().map(r -> r == null
                ? new FacialProfiles.NewProfile(null, null, null, null, null, null, null, null, null) : r.profile()).toList(), uri);
    }

    @POST
    @Path("import")
    @Consumes("text/csv")
    @Operation(summary = "Bulk import: CSV with a header row (clientId, name, imageUrl, provider, providerFaceId, version), then a sync")
    @APIResponse(responseCode = "202", description = "Imported; the sync goes on (sync.statusUrl)")
    public Response importCsv(String csv, @Context UriInfo uri) {
        return starter.importAndSync(Callers.tenant(http), ProfileUploads.csv(csv == null ? "" : csv, settings.maxImportProfiles()), uri);
    }

    @POST
    @Path("import")
    @Consumes("application/zip")
    @Operation(summary = "Bulk import: a ZIP of photos each named by the person's id (emp042.jpg), then a sync")
    @APIResponse(responseCode = "202", description = "Imported; the sync goes on (sync.statusUrl)")
    public Response importZip(InputStream zip, @Context UriInfo uri) {
        return starter.importAndSync(Callers.tenant(http), ProfileUploads.zip(zip, settings.maxImportProfiles(),
                engine.settings().maxImageBytes()), uri);
    }
}
