package io.facegate.authentication;

import io.facegate.domain.clients.PersonRole;

import java.time.Instant;
import java.util.UUID;

/**
 * The person behind a person's access token: what the token says (who, which login generation,
 * its id and expiry) and, once {@link ClientAccess} admitted it, what the person is now (role,
 * department, email).
 */
public record PersonCaller(UUID personId, int loginGeneration, UUID tokenId, Instant tokenExpiresAt,
                           PersonRole role, String department, String email) {

    /** The token's facts alone, before admission. */
    public static PersonCaller fromToken(UUID personId, int loginGeneration, UUID tokenId, Instant tokenExpiresAt) {
        return new PersonCaller(personId, loginGeneration, tokenId, tokenExpiresAt, null, null, null);
    }

    PersonCaller admitted(PersonStanding standing) {
        return new PersonCaller(personId, loginGeneration, tokenId, tokenExpiresAt, standing.role(), standing.department(), standing.email());
    }
}
