package io.facegate.authentication;

import java.util.List;
import java.util.Locale;

/**
 * What a token or API credential may do. The scope's roles go into the JWT {@code groups} claim
 * and are what the web tier's access check compares with the roles a resource requires.
 */
public enum AccessScope {
    /** API key and secret: the client's backend, everything of its tenant (seed 004's tenant admin too). */
    FULL(List.of(Roles.CLIENT, Roles.SESSION, Roles.TENANT_ADMIN, Roles.STAFF, Roles.MEMBER)),
    /** API key alone: a browser may create sessions and stream frames, nothing else. */
    SESSION(List.of(Roles.SESSION)),
    /** The operator: manages clients, sees no tenant data. */
    ADMIN(List.of(Roles.ADMIN)),
    /**
     * A person of a tenant, logged in with their password. Their roles are not in the token: they
     * follow the person's current role ({@link Roles#ofPerson}) once {@link ClientAccess} admits them.
     */
    PERSON(List.of());

    private final List<String> roles;

    AccessScope(List<String> roles) {
        this.roles = roles;
    }

    public List<String> roles() {
        return roles;
    }

    public String claimValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AccessScope fromClaim(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
