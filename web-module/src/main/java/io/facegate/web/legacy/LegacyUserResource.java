package io.facegate.web.legacy;

import io.facegate.authentication.Roles;
import io.facegate.clients.ClientUserDirectory;
import io.facegate.domain.clients.ClientUser;
import io.facegate.profiles.FaceSources;
import io.facegate.profiles.PersonFaces;
import io.facegate.system.FaceGateException;
import io.facegate.web.authentication.Callers;
import io.facegate.web.authentication.RequiresRole;
import io.facegate.web.http.MultipartFields;
import io.facegate.web.http.Paging;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.function.Supplier;

/**
 * Seed 002's "Python API" users: people for camera recognition, the same client users as
 * everywhere else, each with a template FaceGate computes from one photo. A person is addressed by
 * the client's own id (seed 002 sends its client's id) or FaceGate's.
 */
@Path("users")
@RequiresRole(Roles.CLIENT)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Legacy Recognition")
public class LegacyUserResource {

    private static final String USER_EXAMPLE = "{\"name\": \"John Doe\", \"clientId\": \"client-id\","
            + " \"imageUrl\": \"https://photos.example.com/john.jpg\"}";

    @Inject
    FaceSources faces;

    @Inject
    PersonFaces people;

    @Inject
    ClientUserDirectory directory;

    @Context
    HttpServletRequest http;

    /**
     * Seed 002's body: the person's id as {@code clientId} (its own client's id) or {@code userId}; a
     * photo as {@code image} (data URL or base64) or {@code imageUrl}; an {@code encoding} only with
     * FaceGate's {@code model} (another model's cannot be compared with FaceGate's templates).
     */
    public record UserRequest(String name, @JsonbProperty("clientId") String clientId, @JsonbProperty("userId") String userId, String image,
                              @JsonbProperty("imageUrl") String imageUrl, List<Double> encoding, String model) {

        String personId() {
            return userId != null && !userId.isBlank() ? userId.strip() : clientId != null && !clientId.isBlank() ? clientId.strip() : null;
        }
    }

    @POST
    @Path("register")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(deprecated = true, summary = "Seed 002 Python API: register (or re-register) a person with a photo: image (data URL or"
            + " base64) or imageUrl (fetched under the egress policy); FaceGate computes its own template. An encoding is taken only"
            + " with model \"" + io.facegate.enrollment.TemplateVault.EMBEDDING_MODEL + "\" (512 values); a photo given with it wins",
            description = "Deprecated, for existing seed 002 integrations: use POST /api/clients/users/ and an enrollment session"
                    + " (POST /api/auth/enrollment/), or POST /api/v1/face/enroll.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "photo URL", value = USER_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Registered with a template")
    @APIResponse(responseCode = "422", description = "No usable face in the photo, a URL the egress policy refuses, or an encoding"
            + " (foreign_encoding) computed by another model")
    public Response register(@Valid @NotNull UserRequest request, @Context UriInfo uri) {
        return register(request, () -> face(request, true), uri);
    }

    @POST
    @Path("register")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(deprecated = true, summary = "Seed 002 Python API: register a person from a photo upload (fields name, userId or"
            + " clientId, image: the file or a data URL; or imageUrl)", description = "Deprecated, for existing seed 002 integrations:"
            + " use POST /api/clients/users/ and an enrollment session (POST /api/auth/enrollment/).")
    @APIResponse(responseCode = "201", description = "Registered with a template")
    @APIResponse(responseCode = "422", description = "No usable face in the photo")
    public Response registerForm(List<EntityPart> parts, @Context UriInfo uri) {
        MultipartFields fields = MultipartFields.of(parts);
        UserRequest request = formRequest(fields);
        return register(request, () -> fields.has("image") ? faces.fromUpload("image", fields.bytes("image")) : face(request, true), uri);
    }

    @PUT
    @Path("{userId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(deprecated = true, summary = "Seed 002 Python API: rename a person and/or replace their face (image, imageUrl, or a"
            + " FaceGate encoding); userId is the person's id in your system or FaceGate's", description = "Deprecated, for existing"
            + " seed 002 integrations: use PATCH /api/clients/users/{id}/ and a new enrollment.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "rename",
            value = "{\"name\": \"John A. Doe\"}")))
    @APIResponse(responseCode = "404", description = "No such person for this client")
    public LegacyViews.UserAnswer update(@PathParam("userId") String userId, @Valid @NotNull UserRequest request) {
        FaceSources.Face face = face(request, false);
        ClientUser person = people.update(Callers.tenant(http), userId, blankToNull(request.name()), face);
        return new LegacyViews.UserAnswer(true, message(request, "User updated"), view(person));
    }

    @PUT
    @Path("{userId}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(deprecated = true, summary = "Seed 002 Python API: rename a person and/or replace their face from a photo upload"
            + " (fields name, image, imageUrl)", description = "Deprecated, for existing seed 002 integrations: use PATCH"
            + " /api/clients/users/{id}/ and a new enrollment.")
    @APIResponse(responseCode = "404", description = "No such person for this client")
    public LegacyViews.UserAnswer updateForm(@PathParam("userId") String userId, List<EntityPart> parts) {
        MultipartFields fields = MultipartFields.of(parts);
        FaceSources.Face face = fields.has("image") ? faces.fromUpload("image", fields.bytes("image")) : face(formRequest(fields), false);
        ClientUser person = people.update(Callers.tenant(http), userId, blankToNull(fields.optionalText("name")), face);
        return new LegacyViews.UserAnswer(true, "User updated", view(person));
    }

    @DELETE
    @Path("{userId}")
    @Operation(deprecated = true, summary = "Seed 002 Python API: delete a person and everything stored about their face",
            description = "Deprecated, for existing seed 002 integrations: use DELETE /api/clients/users/{id}/.")
    @APIResponse(responseCode = "200", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such person for this client")
    public LegacyViews.UserAnswer delete(@PathParam("userId") String userId) {
        people.delete(Callers.tenant(http), userId);
        return new LegacyViews.UserAnswer(true, "User deleted", null);
    }

    @GET
    @Operation(deprecated = true, summary = "Seed 002 Python API: list people, newest first (search, offset, limit)",
            description = "Deprecated, for existing seed 002 integrations: use GET /api/clients/users/.")
    public LegacyViews.Users list(@QueryParam("search") String search, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        Paging paging = Paging.of(offset, limit);
        var page = directory.list(Callers.tenant(http), blankToNull(search), null, paging.offset(), paging.limit());
        return new LegacyViews.Users(true, page.items().stream().map(this::view).toList(), page.count());
    }

    /** The person's id is checked before their photo is analysed. */
    private Response register(UserRequest request, Supplier<FaceSources.Face> face, UriInfo uri) {
        if (request.personId() == null) {
            throw FaceGateException.invalid("missing_user_id", "clientId (or userId), the person's id in your system, is required");
        }
        ClientUser person = people.register(Callers.tenant(http), request.personId(), blankToNull(request.name()), face.get());
        return created(person, uri, message(request, "User registered"));
    }

    /** The photo (or FaceGate encoding) the request gives; null when it gives none and none is required. */
    private FaceSources.Face face(UserRequest request, boolean required) {
        if (request.image() != null && !request.image().isBlank()) {
            return faces.fromText("image", request.image());
        }
        if (request.imageUrl() != null && !request.imageUrl().isBlank()) {
            return faces.fromUrl("imageUrl", request.imageUrl());
        }
        if (request.encoding() != null) {
            return FaceSources.fromEmbedding(request.encoding(), request.model());
        }
        if (required) {
            throw FaceGateException.invalid("missing_image", "a photo of the person is required: image (upload, data URL or base64)"
                    + " or imageUrl; FaceGate computes its own template from it");
        }
        return null;
    }

    /** What was done with an encoding sent beside a photo, so that an integration sending both learns it. */
    private static String message(UserRequest request, String done) {
        boolean photo = (request.image() != null && !request.image().isBlank()) || (request.imageUrl() != null && !request.imageUrl().isBlank());
        return photo && request.encoding() != null
                ? done + "; the encoding was ignored: FaceGate computed its own template from the photo" : done;
    }

    private static UserRequest formRequest(MultipartFields fields) {
        return new UserRequest(fields.optionalText("name"), fields.optionalText("clientId"), fields.optionalText("userId"), null,
                fields.optionalText("imageUrl"), null, null);
    }

    private Response created(ClientUser person, UriInfo uri, String message) {
        return Response.created(uri.getBaseUriBuilder().path("users").path(person.getExternalUserId()).build())
                .entity(new LegacyViews.UserAnswer(true, message, view(person))).build();
    }

    private LegacyViews.User view(ClientUser person) {
        return LegacyViews.User.of(person, directory.profileImageUrl(person));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
