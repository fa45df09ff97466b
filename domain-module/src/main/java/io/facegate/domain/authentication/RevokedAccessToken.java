package io.facegate.domain.authentication;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A person's access token ended by a logout before it expired (its {@code jti}); forgotten once it would have expired. */
@Entity
@Table(name = "revoked_access_token")
@NamedQuery(name = RevokedAccessToken.OF_PERSON,
        query = "select t.tokenId from RevokedAccessToken t where t.clientUserId = :clientUserId and t.expiresAt > :now")
@NamedQuery(name = RevokedAccessToken.DELETE_EXPIRED, query = "delete from RevokedAccessToken t where t.expiresAt < :cutoff")
public class RevokedAccessToken {

    public static final String OF_PERSON = "RevokedAccessToken.ofPerson";
    public static final String DELETE_EXPIRED = "RevokedAccessToken.deleteExpired";

    @Id
    @Column(name = "token_id")
    private UUID tokenId;

    @Column(name = "client_user_id", nullable = false, updatable = false)
    private UUID clientUserId;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    protected RevokedAccessToken() {
        // for JPA
    }

    public RevokedAccessToken(UUID tokenId, UUID clientUserId, Instant expiresAt) {
        this.tokenId = tokenId;
        this.clientUserId = clientUserId;
        this.expiresAt = expiresAt;
    }

    public UUID getTokenId() {
        return tokenId;
    }
}
