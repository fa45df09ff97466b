package io.facegate.web.authentication;

import io.facegate.authentication.ClientAuthentication;
import io.facegate.authentication.IssuedToken;
import io.facegate.authentication.TokenPair;
import io.facegate.system.FaceGateException;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
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

    public record ClientCredentials(String apiKey, String apiSecret) {
    }

    public record RefreshRequest(String refresh) {
    }

    public record AdminLogin(String adminToken) {
    }

    public record TokenPairResponse(String access, String refresh, String tokenType, long expiresIn) {
        static TokenPairResponse of(TokenPair pair) {
            return new TokenPairResponse(pair.access().token(), pair.refresh().token(), "Bearer", secondsUntil(pair.access().expiresAt()));
        }
    }

    public record AccessTokenResponse(String access, String tokenType, long expiresIn) {
    }

    @POST
    @Path("client")
    @Operation(summary = "Exchange API key and secret for an access and a refresh token (seed 001)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "credentials",
            value = "{\"api_key\": \"fg_...\", \"api_secret\": \"fgs_...\"}")))
    @APIResponse(responseCode = "200", description = "Tokens issued")
    @APIResponse(responseCode = "401", description = "Wrong key or secret, or client disabled")
    public TokenPairResponse authenticateClient(ClientCredentials credentials) {
        ClientCredentials given = require(credentials);
        if (given.apiSecret() == null || given.apiSecret().isBlank()) {
            throw FaceGateException.invalid("missing_api_secret", "api_secret is required");
        }
        return TokenPairResponse.of(authentication.authenticate(given.apiKey(), given.apiSecret()));
    }

    @POST
    @Path("refresh")
    @Operation(summary = "Exchange a refresh token for a new pair; each refresh token works once")
    @APIResponse(responseCode = "200", description = "New tokens issued")
    @APIResponse(responseCode = "401", description = "Refresh token invalid, expired, revoked or already used")
    public TokenPairResponse refresh(RefreshRequest request) {
        if (request == null || request.refresh() == null || request.refresh().isBlank()) {
            throw FaceGateException.invalid("missing_refresh", "refresh is required");
        }
        return TokenPairResponse.of(authentication.refresh(request.refresh()));
    }

    @POST
    @Path("admin")
    @Operation(summary = "Exchange the operator's admin token for an admin access token")
    @APIResponse(responseCode = "200", description = "Admin token issued")
    @APIResponse(responseCode = "401", description = "Wrong admin token")
    public AccessTokenResponse authenticateAdmin(AdminLogin login) {
        if (login == null || login.adminToken() == null || login.adminToken().isBlank()) {
            throw FaceGateException.invalid("missing_admin_token", "admin_token is required");
        }
        IssuedToken token = authentication.authenticateAdmin(login.adminToken());
        return new AccessTokenResponse(token.token(), "Bearer", secondsUntil(token.expiresAt()));
    }

    static ClientCredentials require(ClientCredentials credentials) {
        if (credentials == null || credentials.apiKey() == null || credentials.apiKey().isBlank()) {
            throw FaceGateException.invalid("missing_api_key", "api_key is required");
        }
        return credentials;
    }

    static long secondsUntil(Instant instant) {
        return Math.max(0, Duration.between(Instant.now(), instant).toSeconds());
    }
}
