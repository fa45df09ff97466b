package io.facegate.authentication;

import java.time.Instant;
import java.util.UUID;

/** A person ended their login (their refresh token family and access token are revoked). */
public record PersonLoggedOut(UUID clientId, UUID clientUserId, Instant at) {
}
