package io.facegate.web.clients;

import io.facegate.authentication.Roles;
import io.facegate.clients.ClientRegistry;
import io.facegate.ratelimits.RateCategory;
import io.facegate.system.FaceGateException;
import io.facegate.clients.CreatedClient;
import io.facegate.web.FaceGateApi;
import io.facegate.web.authentication.RequiresRole;
import io.facegate.web.http.Ids;
import io.facegate.web.http.PagedResponse;
import io.facegate.web.http.Paging;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The operator's client (tenant) management; needs an admin token. */
@Path("core/clients")
@RequiresRole(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Client Management")
@SecurityRequirement(name = FaceGateApi.OPERATOR_TOKEN)
public class ClientAdminResource {

    @Inject
    ClientRegistry registry;

    public record NewClient(@NotBlank @Size(max = MAX_NAME_LENGTH) String name,
                            @Size(max = MAX_ORIGINS) List<@NotBlank @Size(max = MAX_ORIGIN_LENGTH) String> allowedOrigins) {
        /** Declared, so that the constraints stay on the fields (see {@link io.facegate.web.http.JsonConfiguration}). */
        public NewClient(String name, List<String> allowedOrigins) {
            this.name = name;
            this.allowedOrigins = allowedOrigins;
        }
    }

    /** Only the fields given change. */
    public record ClientChanges(@Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @Size(max = MAX_NAME_LENGTH) String name,
                                @Size(max = MAX_ORIGINS) List<@NotBlank @Size(max = MAX_ORIGIN_LENGTH) String> allowedOrigins,
                                Boolean isActive, Boolean allowBrowserReenrollment, @Size(max = 10) Map<String, Integer> rateLimits) {
        /** Declared, so that the constraints stay on the fields (see {@link io.facegate.web.http.JsonConfiguration}). */
        public ClientChanges(String name, List<String> allowedOrigins, Boolean isActive, Boolean allowBrowserReenrollment,
                             Map<String, Integer> rateLimits) {
            this.name = name;
            this.allowedOrigins = allowedOrigins;
            this.isActive = isActive;
            this.allowBrowserReenrollment = allowBrowserReenrollment;
            this.rateLimits = rateLimits;
        }
    }

    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_ORIGINS = 100;
    static final int MAX_ORIGIN_LENGTH = 255;

    @POST
    @Operation(summary = "Register a client; the response shows api_key and api_secret, the secret only this once")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "client",
            value = "{\"name\": \"Acme Corp\", \"allowed_origins\": [\"https://app.acme.example\"]}")))
    @APIResponse(responseCode = "201", description = "Client created")
    public Response register(@Valid @NotNull NewClient request, @Context UriInfo uri) {
        CreatedClient created = registry.register(request.name().strip(), request.allowedOrigins());
        return Response.created(uri.getAbsolutePathBuilder().path(created.client().getId().toString()).build())
                .entity(ClientView.of(created.client(), created.apiSecret())).build();
    }

    @GET
    @Operation(summary = "List clients")
    public PagedResponse<ClientView> list(@QueryParam("offset") String offset, @QueryParam("limit") String limit, @Context UriInfo uri) {
        Paging paging = Paging.of(offset, limit);
        return PagedResponse.of(registry.list(paging.offset(), paging.limit()).map(c -> ClientView.of(c, null)), uri);
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
    @Operation(summary = "Rename, change allowed origins, disable (is_active=false) or re-enable a client, "
            + "allow or forbid browsers (the API key alone) to replace an enrolled face (allow_browser_reenrollment), set seed 004's "
            + "rate limits of the client (rate_limits: {\"authentication\": 5, \"face_verification\": 100, \"reports\": 10, "
            + "\"general\": 1000}, per minute, general per hour; the categories left out use the server's defaults)")
    public ClientView update(@PathParam("id") String id, @Valid @NotNull ClientChanges changes) {
        if (changes.rateLimits() != null) {
            registry.limitRates(Ids.parse(id, "client"), rateLimits(changes.rateLimits()));
        }
        return ClientView.of(registry.update(Ids.parse(id, "client"), changes.name() == null ? null : changes.name().strip(),
                changes.allowedOrigins(), changes.isActive(), changes.allowBrowserReenrollment()), null);
    }

    @POST
    @Path("{id}/disable")
    @Operation(summary = "Disable a client: its credentials and refresh tokens stop working at once")
    public ClientView disable(@PathParam("id") String id) {
        return ClientView.of(registry.update(Ids.parse(id, "client"), null, null, false, null), null);
    }

    @POST
    @Path("{id}/rotate-secret")
    @Operation(summary = "Issue a new API secret; the old secret and its refresh tokens stop working at once")
    public ClientView rotateSecret(@PathParam("id") String id) {
        CreatedClient rotated = registry.rotateSecret(Ids.parse(id, "client"));
        return ClientView.of(rotated.client(), rotated.apiSecret());
    }

    private static Map<RateCategory, Integer> rateLimits(Map<String, Integer> given) {
        Map<RateCategory, Integer> limits = new EnumMap<>(RateCategory.class);
        given.forEach((name, limit) -> limits.put(RateCategory.fromApiName(name).orElseThrow(() -> FaceGateException.invalid(
                "invalid_rate_limits", "rate_limits takes " + Arrays.stream(RateCategory.values()).map(RateCategory::apiName).toList())),
                limit));
        return limits;
    }
}
