package io.facegate.authentication;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.time.Instant;
import java.util.UUID;

/**
 * Signs FaceGate's tokens. Access tokens have audience {@value #ACCESS_AUDIENCE}, the only one
 * MicroProfile JWT accepts; refresh tokens have {@value #REFRESH_AUDIENCE}, so a refresh token can
 * never be used as an access token.
 */
@ApplicationScoped
public class TokenIssuer {

    public static final String ISSUER = "facegate";
    public static final String ACCESS_AUDIENCE = "facegate-api";
    public static final String REFRESH_AUDIENCE = "facegate-refresh";
    public static final String TENANT_CLAIM = "tenant";
    public static final String SCOPE_CLAIM = "scope";
    public static final String FAMILY_CLAIM = "family";
    /** The client's secret generation a tenant token was issued under; a rotation revokes older ones. */
    public static final String SECRET_GENERATION_CLAIM = "sgen";

    @Inject
    SigningKeys keys;

    @Inject
    AuthenticationSettings settings;

    /** The operator's access token. */
    public IssuedToken admin(String subject) {
        return access(subject, null, 0, AccessScope.ADMIN);
    }

    /** An access token for one tenant (a client id), valid while the client's secret stays at {@code secretGeneration}. */
    public IssuedToken access(UUID tenant, int secretGeneration, AccessScope scope) {
        return access(tenant.toString(), tenant, secretGeneration, scope);
    }

    private IssuedToken access(String subject, UUID tenant, int secretGeneration, AccessScope scope) {
        Instant now = Instant.now();
        Instant expires = now.plus(scope == AccessScope.SESSION ? settings.browserTokenTtl() : settings.accessTokenTtl());
        JsonArrayBuilder groups = Json.createArrayBuilder();
        scope.roles().forEach(groups::add);
        var claims = Json.createObjectBuilder()
                .add("iss", ISSUER)
                .add("aud", ACCESS_AUDIENCE)
                .add("sub", subject)
                .add("upn", subject)
                .add("jti", UUID.randomUUID().toString())
                .add("iat", now.getEpochSecond())
                .add("exp", expires.getEpochSecond())
                .add("groups", groups)
                .add(SCOPE_CLAIM, scope.claimValue());
        if (tenant != null) {
            claims.add(TENANT_CLAIM, tenant.toString()).add(SECRET_GENERATION_CLAIM, secretGeneration);
        }
        return new IssuedToken(JsonWebTokens.sign(claims.build(), keys.privateKey()), expires);
    }

    public IssuedToken refresh(UUID tokenId, UUID familyId, UUID tenant, Instant expires) {
        JsonObject claims = Json.createObjectBuilder()
                .add("iss", ISSUER)
                .add("aud", REFRESH_AUDIENCE)
                .add("sub", tenant.toString())
                .add("jti", tokenId.toString())
                .add(FAMILY_CLAIM, familyId.toString())
                .add("iat", Instant.now().getEpochSecond())
                .add("exp", expires.getEpochSecond())
                .build();
        return new IssuedToken(JsonWebTokens.sign(claims, keys.privateKey()), expires);
    }

    public Instant refreshExpiry(Instant now) {
        return now.plus(settings.refreshTokenTtl());
    }
}
