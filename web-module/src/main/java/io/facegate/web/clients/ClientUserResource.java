package io.facegate.web.clients;

import io.facegate.authentication.Roles;
import io.facegate.clients.ClientUserDirectory;
import io.facegate.domain.clients.ClientUser;
import io.facegate.web.authentication.Callers;
import io.facegate.web.authentication.RequiresRole;
import io.facegate.web.http.Ids;
import io.facegate.web.http.JsonDocuments;
import io.facegate.web.http.PagedResponse;
import io.facegate.web.http.Paging;
import io.facegate.web.http.QueryValues;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** A client's own users (seed 000). Another client's user id answers 404, like a missing one. */
@Path("clients/users")
@RequiresRole(Roles.CLIENT)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Client Management")
public class ClientUserResource {

    @Inject
    ClientUserDirectory directory;

    @Context
    HttpServletRequest http;

    public record NewClientUser(@NotBlank @Size(max = ClientUser.MAX_EXTERNAL_ID_LENGTH) String externalUserId,
                                @Size(max = ClientUser.MAX_DISPLAY_NAME_LENGTH) String displayName, JsonObject metadata) {
        /** Declared, so that the constraints stay on the fields (see {@link io.facegate.web.http.JsonConfiguration}). */
        public NewClientUser(String externalUserId, String displayName, JsonObject metadata) {
            this.externalUserId = externalUserId;
            this.displayName = displayName;
            this.metadata = metadata;
        }
    }

    /** Only the fields given change. */
    public record ClientUserChanges(@Size(max = ClientUser.MAX_DISPLAY_NAME_LENGTH) String displayName, JsonObject metadata) {
        /** Declared, so that the constraints stay on the fields (see {@link io.facegate.web.http.JsonConfiguration}). */
        public ClientUserChanges(String displayName, JsonObject metadata) {
            this.displayName = displayName;
            this.metadata = metadata;
        }
    }

    @POST
    @Operation(summary = "Register a user ahead of enrollment (enrollment also creates users on demand)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "user",
            value = "{\"external_user_id\": \"user123\", \"display_name\": \"John Doe\", \"metadata\": {\"department\": \"R&D\"}}")))
    @APIResponse(responseCode = "201", description = "User created")
    @APIResponse(responseCode = "409", description = "external_user_id already used by this client")
    public Response register(@Valid @NotNull NewClientUser request, @Context UriInfo uri) {
        ClientUser user = directory.register(Callers.tenant(http), request.externalUserId(),
                request.displayName(), JsonDocuments.metadata(request.metadata()));
        return Response.created(uri.getAbsolutePathBuilder().path(user.getId().toString()).build())
                .entity(view(user)).build();
    }

    @GET
    @Operation(summary = "List users, newest first; filter by search text and enrollment")
    public PagedResponse<ClientUserView> list(@QueryParam("search") String search,
                                              @QueryParam("is_enrolled") String isEnrolled,
                                              @QueryParam("offset") String offset, @QueryParam("limit") String limit,
                                              @Context UriInfo uri) {
        String text = search == null || search.isBlank() ? null : search.strip();
        Paging paging = Paging.of(offset, limit);
        return PagedResponse.of(directory.list(Callers.tenant(http), text, QueryValues.bool("is_enrolled", isEnrolled),
                paging.offset(), paging.limit()).map(this::view), uri);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get one user, with a time-limited profile_image_url")
    @APIResponse(responseCode = "404", description = "No such user for this client")
    public ClientUserView get(@PathParam("id") String id) {
        return view(directory.find(Callers.tenant(http), Ids.parse(id, "user")));
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Update display_name and/or metadata")
    public ClientUserView replace(@PathParam("id") String id, @Valid @NotNull ClientUserChanges changes) {
        return update(id, changes);
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "Update display_name and/or metadata")
    public ClientUserView update(@PathParam("id") String id, @Valid @NotNull ClientUserChanges changes) {
        UUID userId = Ids.parse(id, "user");
        return view(directory.describe(Callers.tenant(http), userId, changes.displayName(), JsonDocuments.metadata(changes.metadata())));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a user and everything stored about their face")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id) {
        directory.delete(Callers.tenant(http), Ids.parse(id, "user"));
        return Response.noContent().build();
    }

    private ClientUserView view(ClientUser user) {
        return ClientUserView.of(user, directory.profileImageUrl(user));
    }
}
