package io.facegate.domain.authentication;

import io.facegate.domain.shared.OptionalUuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One issued refresh token (its id is the JWT's {@code jti}). Tokens rotate: using one marks it
 * used and issues a successor in the same family.
 */
@Entity
@Table(name = "refresh_token")
@NamedQuery(name = RefreshToken.REVOKE_FAMILY,
        query = "update RefreshToken t set t.revokedAt = :now where t.familyId = :familyId and t.revokedAt is null")
@NamedQuery(name = RefreshToken.REVOKE_CLIENT,
        query = "update RefreshToken t set t.revokedAt = :now where t.clientId = :clientId and t.revokedAt is null")
@NamedQuery(name = RefreshToken.REVOKE_PERSON,
        query = "update RefreshToken t set t.revokedAt = :now where t.clientUserId = :clientUserId and t.revokedAt is null")
@NamedQuery(name = RefreshToken.DELETE_EXPIRED, query = "delete from RefreshToken t where t.expiresAt < :cutoff")
public class RefreshToken {

    public static final String REVOKE_FAMILY = "RefreshToken.revokeFamily";
    public static final String REVOKE_CLIENT = "RefreshToken.revokeClient";
    public static final String REVOKE_PERSON = "RefreshToken.revokePerson";
    public static final String DELETE_EXPIRED = "RefreshToken.deleteExpired";

    @Id
    private UUID id;

    @Column(name = "family_id", nullable = false, updatable = false)
    private UUID familyId;

    @Column(name = "client_id", nullable = false, updatable = false)
    private UUID clientId;

    /** The person whose login this is; null for the client's own (API key and secret). */
    @Column(name = "client_user_id", updatable = false)
    @Convert(converter = OptionalUuidConverter.class)
    private UUID clientUserId;

    @Column(nullable = false, updatable = false)
    private String scope;

    @Column(name = "issued_at", nullable = false, updatable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected RefreshToken() {
        // for JPA
    }

    public RefreshToken(UUID familyId, UUID clientId, String scope, Instant issuedAt, Instant expiresAt) {
        this(familyId, clientId, null, scope, issuedAt, expiresAt);
    }

    /** @param clientUserId the person logged in, or null for the client's own login */
    public RefreshToken(UUID familyId, UUID clientId, UUID clientUserId, String scope, Instant issuedAt, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.clientUserId = clientUserId;
        this.familyId = familyId;
        this.clientId = clientId;
        this.scope = scope;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    /** Whether this token may be exchanged now: not used, not revoked, not expired. */
    public boolean isRedeemable(Instant now) {
        return usedAt == null && revokedAt == null && now.isBefore(expiresAt);
    }

    public boolean wasUsed() {
        return usedAt != null;
    }

    public void markUsed(Instant now) {
        if (usedAt != null) {
            throw new IllegalStateException("refresh token already used");
        }
        this.usedAt = now;
    }

    public UUID getId() {
        return id;
    }

    public UUID getFamilyId() {
        return familyId;
    }

    public UUID getClientId() {
        return clientId;
    }

    public UUID getClientUserId() {
        return clientUserId;
    }

    public String getScope() {
        return scope;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }
}
