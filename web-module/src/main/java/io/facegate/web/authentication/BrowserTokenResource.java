package io.facegate.web.authentication;

import io.facegate.authentication.ClientAuthentication;
import io.facegate.authentication.IssuedToken;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
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

    public record JwtTokenResponse(String jwtToken, Instant expiresAt, String scope) {
    }

    @POST
    @Operation(summary = "Seed 003 token: api_key alone gives a browser-safe session-scope token; api_key and "
            + "api_secret give a full token")
    @APIResponse(responseCode = "200", description = "Token issued")
    @APIResponse(responseCode = "401", description = "Unknown key, wrong secret, or client disabled")
    public JwtTokenResponse authenticate(AuthenticationResource.ClientCredentials credentials) {
        AuthenticationResource.ClientCredentials given = AuthenticationResource.require(credentials);
        if (given.apiSecret() == null || given.apiSecret().isBlank()) {
            IssuedToken token = authentication.authenticateBrowser(given.apiKey());
            return new JwtTokenResponse(token.token(), token.expiresAt(), "session");
        }
        IssuedToken token = authentication.authenticate(given.apiKey(), given.apiSecret()).access();
        return new JwtTokenResponse(token.token(), token.expiresAt(), "full");
    }
}
