package io.facegate.web.authentication;

import io.facegate.authentication.ClientAuthentication;
import io.facegate.authentication.IssuedToken;
import io.facegate.authentication.TokenPair;
import io.facegate.web.FaceGateApi;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.time.Instant;

/** Credentials in, tokens out (seed 001); the operator's login. */
@Path("core/auth")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Authentication")
@SecurityRequirements
public class AuthenticationResource {

    @Inject
    ClientAuthentication authentication;

    /** An API key and secret; {@link BrowserTokenResource} takes the key alone. */
    public record ClientCredentials(@NotBlank @Size(max = MAX_CREDENTIAL_LENGTH) String apiKey,
                                    @NotBlank @Size(max = MAX_CREDENTIAL_LENGTH) String apiSecret) {
        /** Declared, so that the constraints stay on the fields (see {@link io.facegate.web.http.JsonConfiguration}). */
        public ClientCredentials(String apiKey, String apiSecret) {
            this.apiKey = apiKey;
            this.apiSecret = apiSecret;
        }
    }

    public record RefreshRequest(@NotBlank @Size(max = 8192) String refresh) {
        /** Declared, so that the constraints stay on the fields (see {@link io.facegate.web.http.JsonConfiguration}). */
        public RefreshRequest(String refresh) {
            this.refresh = refresh;
        }
    }

    public record AdminLogin(@NotBlank @Size(max = MAX_CREDENTIAL_LENGTH) String adminToken) {
        /** Declared, so that the constraints stay on the fields (see {@link io.facegate.web.http.JsonConfiguration}). */
        public AdminLogin(String adminToken) {
            this.adminToken = adminToken;
        }
    }

    /** Longer than any key, secret or admin token FaceGate issues (and than most a person would type). */
    static final int MAX_CREDENTIAL_LENGTH = 256;

    public record TokenPairResponse(String access, String refresh, String tokenType, long expiresIn) {
        static TokenPairResponse of(TokenPair pair) {
            return new TokenPairResponse(pair.access().token(), pair.refresh().token(), "Bearer", secondsUntil(pair.access().expiresAt()));
        }
    }

    public record AccessTokenResponse(String access, String tokenType, long expiresIn) {
    }

    @POST
    @Path("client")
    @Extension(name = FaceGateApi.ANONYMOUS, value = "true")
    @Operation(summary = "Exchange API key and secret for an access and a refresh token (seed 001)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "credentials",
            value = "{\"api_key\": \"fg_...\", \"api_secret\": \"fgs_...\"}")))
    @APIResponse(responseCode = "200", description = "Tokens issued")
    @APIResponse(responseCode = "401", description = "Wrong key or secret, or client disabled")
    public TokenPairResponse authenticateClient(@Valid @NotNull ClientCredentials credentials) {
        return TokenPairResponse.of(authentication.authenticate(credentials.apiKey(), credentials.apiSecret()));
    }

    @POST
    @Path("refresh")
    @Extension(name = FaceGateApi.ANONYMOUS, value = "true")
    @Operation(summary = "Exchange a refresh token for a new pair; each refresh token works once")
    @APIResponse(responseCode = "200", description = "New tokens issued")
    @APIResponse(responseCode = "401", description = "Refresh token invalid, expired, revoked or already used")
    public TokenPairResponse refresh(@Valid @NotNull RefreshRequest request) {
        return TokenPairResponse.of(authentication.refresh(request.refresh()));
    }

    @POST
    @Path("admin")
    @Extension(name = FaceGateApi.ANONYMOUS, value = "true")
    @Operation(summary = "Exchange the operator's admin token for an admin access token")
    @APIResponse(responseCode = "200", description = "Admin token issued")
    @APIResponse(responseCode = "401", description = "Wrong admin token")
    public AccessTokenResponse authenticateAdmin(@Valid @NotNull AdminLogin login) {
        IssuedToken token = authentication.authenticateAdmin(login.adminToken());
        return new AccessTokenResponse(token.token(), "Bearer", secondsUntil(token.expiresAt()));
    }

    static long secondsUntil(Instant instant) {
        return Math.max(0, Duration.between(Instant.now(), instant).toSeconds());
    }
}
