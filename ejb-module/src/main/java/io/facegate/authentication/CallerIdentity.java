package io.facegate.authentication;

import java.util.UUID;

/** Who is calling: a tenant (client id) with a scope, or the operator (no tenant). */
public record CallerIdentity(String subject, UUID clientId, AccessScope scope) {

    public boolean isAdmin() {
        return scope == AccessScope.ADMIN;
    }
}
