package io.facegate.authentication;

import io.facegate.domain.clients.ClientUser;
import io.facegate.domain.clients.PersonRole;

import java.util.Set;
import java.util.UUID;

/**
 * What decides whether a person's token is good: the person's tenant, whether they are active,
 * their login generation, the tokens their logouts ended, and their role and department now.
 */
record PersonStanding(UUID clientId, boolean active, int loginGeneration, Set<UUID> revokedTokens, PersonRole role,
                      String department, String email) {

    static PersonStanding of(ClientUser person, Set<UUID> revokedTokens) {
        return new PersonStanding(person.getClientId(), person.isActive(), person.getLoginGeneration(), Set.copyOf(revokedTokens),
                person.getRole(), person.getDepartment(), person.getEmail());
    }
}
