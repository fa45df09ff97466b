package io.facegate.authentication;

import java.util.UUID;

/**
 * Who is calling: a tenant (client id) with a scope, or the operator (no tenant).
 *
 * @param secretGeneration the client's secret generation a token was issued under; null for
 *                         credentials checked against the client as it is now (API key headers)
 */
public record CallerIdentity(String subject, UUID clientId, AccessScope scope, Integer secretGeneration) {

    public boolean isAdmin() {
        return scope == AccessScope.ADMIN;
    }
}
