package io.facegate.authentication;

import io.facegate.domain.authentication.RefreshToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.UUID;

/**
 * Rotating refresh tokens, the clients' and the people's: a token is good once, and presenting a
 * used one again revokes its whole family, since one of its two holders is not its owner. Runs in
 * the caller's transaction, which must not roll back on {@link AuthenticationFailedException}.
 */
@ApplicationScoped
public class RefreshTokens {

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    @Inject
    TokenIssuer issuer;

    @Inject
    SigningKeys keys;

    /** Whose refresh tokens a caller takes: the client's own logins, or people's. */
    public enum Owner {
        CLIENT, PERSON;

        boolean owns(RefreshToken token) {
            return (token.getClientUserId() != null) == (this == PERSON);
        }
    }

    /**
     * The stored token behind {@code refreshToken}, now used up (locked until commit).
     *
     * @throws AuthenticationFailedException 401 {@code invalid_refresh_token} (bad, expired, revoked,
     *                                       or another owner's) or {@code refresh_token_reused}
     */
    public RefreshToken redeem(String refreshToken, Owner owner, Instant now) {
        JsonObject claims = JsonWebTokens.verify(refreshToken, keys.publicKey(), now)
                .filter(c -> TokenIssuer.REFRESH_AUDIENCE.equals(c.getString("aud", null)))
                .orElseThrow(RefreshTokens::invalid);
        RefreshToken stored = em.find(RefreshToken.class, parseUuid(claims.getString("jti", "")), LockModeType.PESSIMISTIC_WRITE);
        // A person's token presented as the client's (or the other way round) is not redeemed: it stays good for its owner.
        if (stored == null || !owner.owns(stored)) {
            throw invalid();
        }
        if (stored.wasUsed()) {
            revokeFamily(stored.getFamilyId(), now);
            throw new AuthenticationFailedException("refresh_token_reused",
                    "refresh token was already used; every token of this login is now revoked");
        }
        if (!stored.isRedeemable(now)) {
            throw invalid();
        }
        stored.markUsed(now);
        return stored;
    }

    /** The stored token behind a valid refresh JWT, whatever its state; null when there is none. */
    public RefreshToken find(String refreshToken, Instant now) {
        return JsonWebTokens.verify(refreshToken, keys.publicKey(), now)
                .filter(c -> TokenIssuer.REFRESH_AUDIENCE.equals(c.getString("aud", null)))
                .map(c -> em.find(RefreshToken.class, parseUuid(c.getString("jti", ""))))
                .orElse(null);
    }

    /** A new refresh token of the family, for the client's own login ({@code personId} null) or a person's. */
    public IssuedToken issue(UUID clientId, UUID personId, UUID familyId, Instant now) {
        RefreshToken refresh = new RefreshToken(familyId, clientId, personId,
                (personId == null ? AccessScope.FULL : AccessScope.PERSON).claimValue(), now, issuer.refreshExpiry(now));
        em.persist(refresh);
        return issuer.refresh(refresh.getId(), familyId, personId == null ? clientId : personId, refresh.getExpiresAt());
    }

    /** Ends a login: every refresh token of its family. */
    public void revokeFamily(UUID familyId, Instant now) {
        em.createNamedQuery(RefreshToken.REVOKE_FAMILY).setParameter("now", now).setParameter("familyId", familyId).executeUpdate();
    }

    /** Ends every login of a person. */
    public void revokePerson(UUID personId, Instant now) {
        em.createNamedQuery(RefreshToken.REVOKE_PERSON).setParameter("now", now).setParameter("clientUserId", personId).executeUpdate();
    }

    static AuthenticationFailedException invalid() {
        return new AuthenticationFailedException("invalid_refresh_token", "refresh token is invalid, expired or revoked");
    }

    private static UUID parseUuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }
}
