package io.facegate.authentication;

import java.util.List;
import java.util.UUID;

/**
 * Who is calling: a tenant (client id) with a scope, a person of a tenant, or the operator (no tenant).
 *
 * @param secretGeneration the client's secret generation a token was issued under; null for
 *                         credentials checked against the client as it is now (API key headers)
 *                         and for people's tokens
 * @param person           the person, for a person's token; null otherwise
 */
public record CallerIdentity(String subject, UUID clientId, AccessScope scope, Integer secretGeneration, PersonCaller person) {

    public CallerIdentity(String subject, UUID clientId, AccessScope scope, Integer secretGeneration) {
        this(subject, clientId, scope, secretGeneration, null);
    }

    public boolean isAdmin() {
        return scope == AccessScope.ADMIN;
    }

    /** A person logged in with a password (rather than the client's own credentials). */
    public boolean isPerson() {
        return scope == AccessScope.PERSON;
    }

    /**
     * What the caller may do: its scope's roles, or a person's current role's, known only once
     * admitted (a person not yet admitted may do nothing).
     */
    public List<String> roles() {
        if (isPerson()) {
            return person == null || person.role() == null ? List.of() : Roles.ofPerson(person.role());
        }
        return scope.roles();
    }

    CallerIdentity withPerson(PersonCaller admitted) {
        return new CallerIdentity(subject, clientId, scope, secretGeneration, admitted);
    }
}
