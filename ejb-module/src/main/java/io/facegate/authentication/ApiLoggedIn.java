package io.facegate.authentication;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * A login with API credentials was decided: granted, or refused with the refusal's code. Fired in
 * the login's transaction, which commits in both cases ({@link AuthenticationFailedException} does
 * not roll back). A refusal is a fact only when it names a client (a wrong secret for an existing
 * key, a replayed refresh token) or the operator (a wrong admin token); an unknown key names nobody.
 *
 * @param clientId null for the operator's admin-token logins
 * @param reason   null when granted
 */
public record ApiLoggedIn(UUID clientId, Credential credential, boolean granted, String reason, Instant at) {

    /** What was presented. */
    public enum Credential {
        /** A client's API key and secret: full scope, with a refresh token. */
        API_SECRET,
        /** A client's API key alone: a browser's session-scope token. */
        API_KEY,
        /** A client's refresh token. */
        REFRESH_TOKEN,
        /** The operator's admin token. */
        ADMIN_TOKEN;

        public String apiName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static ApiLoggedIn granted(UUID clientId, Credential credential, Instant at) {
        return new ApiLoggedIn(clientId, credential, true, null, at);
    }

    static ApiLoggedIn refused(UUID clientId, Credential credential, AuthenticationFailedException refusal, Instant at) {
        return new ApiLoggedIn(clientId, credential, false, refusal.code(), at);
    }
}
