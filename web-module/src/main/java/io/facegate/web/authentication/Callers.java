package io.facegate.web.authentication;

import io.facegate.authentication.AccessScope;
import io.facegate.authentication.CallerIdentity;
import io.facegate.authentication.TokenIssuer;
import io.facegate.system.ErrorKind;
import io.facegate.system.FaceGateException;
import jakarta.json.JsonString;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.Principal;
import java.util.UUID;

/** Who made this request, whichever way they authenticated (JWT or API key headers). */
public final class Callers {

    private Callers() {
    }

    public static CallerIdentity identify(SecurityContext security) {
        Principal principal = security == null ? null : security.getUserPrincipal();
        if (principal instanceof CallerPrincipal apiKeyCaller) {
            return apiKeyCaller.identity();
        }
        if (principal instanceof JsonWebToken jwt) {
            AccessScope scope = AccessScope.fromClaim(text(jwt.getClaim(TokenIssuer.SCOPE_CLAIM)));
            String tenant = text(jwt.getClaim(TokenIssuer.TENANT_CLAIM));
            return new CallerIdentity(jwt.getSubject(), tenant == null ? null : UUID.fromString(tenant), scope);
        }
        throw new FaceGateException(ErrorKind.UNAUTHENTICATED, "unauthorized", "missing, invalid or expired credentials");
    }

    /** The tenant of a client caller; the operator has none and is refused tenant data. */
    public static UUID tenant(SecurityContext security) {
        CallerIdentity caller = identify(security);
        if (caller.clientId() == null) {
            throw new FaceGateException(ErrorKind.FORBIDDEN, "forbidden", "this endpoint needs client credentials");
        }
        return caller.clientId();
    }

    private static String text(Object claim) {
        if (claim == null) {
            return null;
        }
        return claim instanceof JsonString json ? json.getString() : claim.toString();
    }
}
