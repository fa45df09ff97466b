package io.facegate.web.people;

import io.facegate.authentication.PersonAuthentication;
import io.facegate.authentication.PersonLogin;
import io.facegate.authentication.Roles;
import io.facegate.web.FaceGateApi;
import io.facegate.web.authentication.AccessControl;
import io.facegate.web.authentication.Callers;
import io.facegate.web.authentication.RequiresRole;
import io.facegate.web.ratelimits.RateLimitHeaders;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Seed 004's logins of a client's people: email and password within the tenant named by its API
 * key ({@code X-API-Key} header or {@code api_key} field, as seed 004's SDKs send it).
 */
@Path("v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Authentication")
public class PersonLoginResource {

    static final int MAX_PASSWORD_LENGTH = 128;

    @Inject
    PersonAuthentication authentication;

    @Context
    HttpServletRequest http;

    public record Login(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = MAX_PASSWORD_LENGTH) String password,
                        @Size(max = 256) String apiKey) {
        /** Declared, so that the constraints stay on the fields (see {@link io.facegate.web.http.JsonConfiguration}). */
        public Login(String email, String password, String apiKey) {
            this.email = email;
            this.password = password;
            this.apiKey = apiKey;
        }

        @Override
        public String toString() {
            return "Login[email=" + email + ", password=***]";
        }
    }

    public record RefreshRequest(@NotBlank @Size(max = 8192) String refresh) {
        /** Declared, so that the constraints stay on the fields (see {@link io.facegate.web.http.JsonConfiguration}). */
        public RefreshRequest(String refresh) {
            this.refresh = refresh;
        }
    }

    public record LoginResponse(String access, String refresh, PersonView.LoginUser user) {
        static LoginResponse of(PersonLogin login) {
            return new LoginResponse(login.tokens().access().token(), login.tokens().refresh().token(), PersonView.LoginUser.of(login.person()));
        }
    }

    @POST
    @Path("login")
    @PermitAll
    @SecurityRequirements
    @Extension(name = FaceGateApi.ANONYMOUS, value = "true")
    @Operation(summary = "A person logs in with email and password; the tenant is named by its API key (X-API-Key header or api_key)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "login",
            value = "{\"email\": \"john.doe@college.edu\", \"password\": \"secure_password\", \"api_key\": \"fg_...\"}")))
    @APIResponse(responseCode = "200", description = "access and refresh tokens, and the person",
            content = @Content(schema = @Schema(implementation = LoginResponse.class)))
    @APIResponse(responseCode = "401", description = "Wrong email or password, unknown tenant, inactive person, or logins paused after repeated failures")
    @APIResponse(responseCode = "429", description = "More than the authentication limit of logins for this email (Retry-After says when)")
    public Response login(@Valid @NotNull Login login, @HeaderParam(AccessControl.API_KEY_HEADER) String apiKeyHeader,
                          @HeaderParam("Origin") String origin) {
        String apiKey = apiKeyHeader != null && !apiKeyHeader.isBlank() ? apiKeyHeader : login.apiKey();
        return answer(authentication.login(apiKey, login.email(), login.password(), origin));
    }

    @POST
    @Path("refresh")
    @PermitAll
    @SecurityRequirements
    @Extension(name = FaceGateApi.ANONYMOUS, value = "true")
    @Operation(summary = "Exchange a person's refresh token for a new pair; each refresh token works once (a reused one ends the login)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "refresh",
            value = "{\"refresh\": \"eyJ...\"}")))
    @APIResponse(responseCode = "200", description = "New tokens", content = @Content(schema = @Schema(implementation = LoginResponse.class)))
    @APIResponse(responseCode = "401", description = "Refresh token invalid, expired, revoked or already used")
    public Response refresh(@Valid @NotNull RefreshRequest request) {
        return answer(authentication.refresh(request.refresh()));
    }

    @POST
    @Path("logout")
    @RequiresRole(Roles.PERSON)
    @SecurityRequirement(name = FaceGateApi.PERSON_TOKEN)
    @Operation(summary = "Log out: the refresh token (and its whole login) and the access token used for this call stop working")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "logout",
            value = "{\"refresh\": \"eyJ...\"}")))
    @APIResponse(responseCode = "204", description = "Logged out")
    @APIResponse(responseCode = "401", description = "The refresh token is not one of this person's")
    public Response logout(@Valid @NotNull RefreshRequest request) {
        authentication.logout(Callers.person(http), request.refresh());
        return Response.noContent().build();
    }

    /** The tokens, with the login's rate-limit headers (it has no caller for the rate-limit filter to count). */
    private static Response answer(PersonLogin login) {
        Response.ResponseBuilder response = Response.ok(LoginResponse.of(login));
        RateLimitHeaders.add(response, login.rate());
        return response.build();
    }
}
