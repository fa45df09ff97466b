package io.facegate.web.clients;

import io.facegate.authentication.Roles;
import io.facegate.clients.ClientRegistry;
import io.facegate.clients.CreatedClient;
import io.facegate.system.FaceGateException;
import io.facegate.system.Page;
import io.facegate.web.http.Ids;
import io.facegate.web.http.JsonDocuments;
import io.facegate.web.http.PagedResponse;
import io.facegate.web.authentication.RequiresRole;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** The operator's client (tenant) management; needs an admin token. */
@Path("core/clients")
@RequiresRole(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Client Management")
public class ClientAdminResource {

    @Inject
    ClientRegistry registry;

    public record NewClient(String name, JsonArray allowedOrigins) {
    }

    public record ClientChanges(String name, JsonArray allowedOrigins, Boolean isActive) {
    }

    @POST
    @Operation(summary = "Register a client; the response shows api_key and api_secret, the secret only this once")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "client",
            value = "{\"name\": \"Acme Corp\", \"allowed_origins\": [\"https://app.acme.example\"]}")))
    @APIResponse(responseCode = "201", description = "Client created")
    public Response register(NewClient request, @Context UriInfo uri) {
        if (request == null || request.name() == null || request.name().isBlank()) {
            throw FaceGateException.invalid("missing_name", "name is required");
        }
        if (request.name().length() > 200) {
            throw FaceGateException.invalid("invalid_name", "name must be at most 200 characters");
        }
        CreatedClient created = registry.register(request.name().strip(), JsonDocuments.origins(request.allowedOrigins()));
        return Response.created(uri.getAbsolutePathBuilder().path(created.client().getId().toString()).build())
                .entity(ClientView.of(created.client(), created.apiSecret())).build();
    }

    @GET
    @Operation(summary = "List clients")
    public PagedResponse<ClientView> list(@QueryParam("offset") @DefaultValue("0") int offset,
                                          @QueryParam("limit") @DefaultValue("" + Page.DEFAULT_LIMIT) int limit,
                                          @Context UriInfo uri) {
        return PagedResponse.of(registry.list(offset, limit).map(c -> ClientView.of(c, null)), uri);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get one client")
    @APIResponse(responseCode = "404", description = "No such client")
    public ClientView get(@PathParam("id") String id) {
        return ClientView.of(registry.find(Ids.parse(id, "client")), null);
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "Rename, change allowed origins, disable (is_active=false) or re-enable a client")
    public ClientView update(@PathParam("id") String id, ClientChanges changes) {
        if (changes == null) {
            throw FaceGateException.invalid("missing_body", "a JSON body is required");
        }
        if (changes.name() != null && (changes.name().isBlank() || changes.name().length() > 200)) {
            throw FaceGateException.invalid("invalid_name", "name must be 1 to 200 characters");
        }
        return ClientView.of(registry.update(Ids.parse(id, "client"), changes.name(),
                JsonDocuments.origins(changes.allowedOrigins()), changes.isActive()), null);
    }

    @POST
    @Path("{id}/disable")
    @Operation(summary = "Disable a client: its credentials and refresh tokens stop working at once")
    public ClientView disable(@PathParam("id") String id) {
        return ClientView.of(registry.update(Ids.parse(id, "client"), null, null, false), null);
    }

    @POST
    @Path("{id}/rotate-secret")
    @Operation(summary = "Issue a new API secret; the old secret and its refresh tokens stop working at once")
    public ClientView rotateSecret(@PathParam("id") String id) {
        CreatedClient rotated = registry.rotateSecret(Ids.parse(id, "client"));
        return ClientView.of(rotated.client(), rotated.apiSecret());
    }
}
