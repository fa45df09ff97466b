package io.facegate.authentication;

import java.time.Instant;
import java.util.UUID;

/**
 * A person's password login was decided: granted, or refused for a wrong password (refusals for an
 * unknown email name nobody and are not facts about a person). Fired in the login's transaction,
 * which commits in both cases.
 */
public record PersonLoggedIn(UUID clientId, UUID clientUserId, String externalUserId, boolean granted, Instant at) {
}
