package io.facegate.web.authentication;

import io.facegate.authentication.AccessScope;
import io.facegate.authentication.CallerIdentity;
import io.facegate.authentication.PersonCaller;
import io.facegate.authentication.TokenIssuer;
import io.facegate.system.ErrorKind;
import io.facegate.system.FaceGateException;
import jakarta.json.JsonString;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;
import java.util.UUID;

/** Who made this request, as {@link AccessControl} established it (JWT or API key headers). */
public final class Callers {

    public static final String ATTRIBUTE = "io.facegate.caller";

    private Callers() {
    }

    public static CallerIdentity identify(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof CallerIdentity caller) {
            return caller;
        }
        throw new FaceGateException(ErrorKind.UNAUTHENTICATED, "unauthorized", "missing, invalid or expired credentials");
    }

    /** The tenant of a client caller; the operator has none and is refused tenant data. */
    public static UUID tenant(HttpServletRequest request) {
        return client(request).clientId();
    }

    /** The logged-in person making this request (an endpoint for people only). */
    public static CallerIdentity person(HttpServletRequest request) {
        CallerIdentity caller = client(request);
        if (!caller.isPerson() || caller.person() == null) {
            throw new FaceGateException(ErrorKind.FORBIDDEN, "forbidden", "this endpoint is for a person logged in with their password");
        }
        return caller;
    }

    /** A client caller with its scope; the operator is refused tenant data. */
    public static CallerIdentity client(HttpServletRequest request) {
        CallerIdentity caller = identify(request);
        if (caller.clientId() == null) {
            throw new FaceGateException(ErrorKind.FORBIDDEN, "forbidden", "this endpoint needs client credentials");
        }
        return caller;
    }

    static CallerIdentity fromToken(JsonWebToken jwt) {
        AccessScope scope = AccessScope.fromClaim(text(jwt.getClaim(TokenIssuer.SCOPE_CLAIM)));
        String tenant = text(jwt.getClaim(TokenIssuer.TENANT_CLAIM));
        if (scope == AccessScope.PERSON) {
            // Roles follow the person's current role: ClientAccess fills them in, or refuses the token.
            String generation = text(jwt.getClaim(TokenIssuer.LOGIN_GENERATION_CLAIM));
            return new CallerIdentity(jwt.getSubject(), UUID.fromString(tenant), scope, null, PersonCaller.fromToken(
                    UUID.fromString(jwt.getSubject()), generation == null ? 0 : Integer.parseInt(generation),
                    UUID.fromString(jwt.getTokenID()), Instant.ofEpochSecond(jwt.getExpirationTime())));
        }
        if (tenant == null) {
            return new CallerIdentity(jwt.getSubject(), null, scope, null);
        }
        // A tenant token without a secret generation was not issued by this version: it matches no generation.
        String generation = text(jwt.getClaim(TokenIssuer.SECRET_GENERATION_CLAIM));
        return new CallerIdentity(jwt.getSubject(), UUID.fromString(tenant), scope,
                generation == null ? 0 : Integer.valueOf(generation));
    }

    private static String text(Object claim) {
        if (claim == null) {
            return null;
        }
        return claim instanceof JsonString json ? json.getString() : claim.toString();
    }
}
