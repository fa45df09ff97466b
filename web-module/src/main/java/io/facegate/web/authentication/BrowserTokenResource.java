package io.facegate.web.authentication;

import io.facegate.authentication.ClientAuthentication;
import io.facegate.authentication.IssuedToken;
import io.facegate.web.FaceGateApi;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;

/**
 * Seed 003's token endpoint. With {@code api_key} alone it issues a short-lived token that may only
 * create sessions and stream frames, so a browser never holds the secret.
 */
@Path("auth/client")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Authentication")
@SecurityRequirements
public class BrowserTokenResource {

    @Inject
    ClientAuthentication authentication;

    /** Seed 003's credentials: the key alone (browser scope), or with the secret (full scope). */
    public record BrowserCredentials(@NotBlank @Size(max = AuthenticationResource.MAX_CREDENTIAL_LENGTH) String apiKey,
                                     @Size(max = AuthenticationResource.MAX_CREDENTIAL_LENGTH) String apiSecret) {
        /** Declared, so that the constraints stay on the fields (see {@link io.facegate.web.http.JsonConfiguration}). */
        public BrowserCredentials(String apiKey, String apiSecret) {
            this.apiKey = apiKey;
            this.apiSecret = apiSecret;
        }
    }

    public record JwtTokenResponse(String jwtToken, Instant expiresAt, String scope) {
    }

    @POST
    @Extension(name = FaceGateApi.ANONYMOUS, value = "true")
    @Operation(summary = "Seed 003 token: api_key alone gives a browser-safe session-scope token; api_key and "
            + "api_secret give a full token")
    @APIResponse(responseCode = "200", description = "Token issued")
    @APIResponse(responseCode = "401", description = "Unknown key, wrong secret, or client disabled")
    public JwtTokenResponse authenticate(@Valid @NotNull BrowserCredentials credentials, @HeaderParam("Origin") String origin) {
        if (credentials.apiSecret() == null || credentials.apiSecret().isBlank()) {
            IssuedToken token = authentication.authenticateBrowser(credentials.apiKey(), origin);
            return new JwtTokenResponse(token.token(), token.expiresAt(), "session");
        }
        IssuedToken token = authentication.authenticate(credentials.apiKey(), credentials.apiSecret()).access();
        return new JwtTokenResponse(token.token(), token.expiresAt(), "full");
    }
}
