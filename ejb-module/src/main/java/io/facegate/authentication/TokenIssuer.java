package io.facegate.authentication;

import io.facegate.domain.shared.JsonProcessing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

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
    /** The person's login generation a person's token was issued under; a new password or a deactivation revokes older ones. */
    public static final String LOGIN_GENERATION_CLAIM = "lgen";

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

    /** A person's access token: their roles are read at each request, not carried in the token. */
    public IssuedToken person(UUID personId, UUID tenant, int loginGeneration) {
        var claims = claims(personId.toString(), AccessScope.PERSON, Instant.now().plus(settings.accessTokenTtl()))
                .add(TENANT_CLAIM, tenant.toString())
                .add(LOGIN_GENERATION_CLAIM, loginGeneration);
        return sign(claims);
    }

    private IssuedToken access(String subject, UUID tenant, int secretGeneration, AccessScope scope) {
        var claims = claims(subject, scope, Instant.now().plus(scope == AccessScope.SESSION
                ? settings.browserTokenTtl() : settings.accessTokenTtl()));
        if (tenant != null) {
            claims.add(TENANT_CLAIM, tenant.toString()).add(SECRET_GENERATION_CLAIM, secretGeneration);
        }
        return sign(claims);
    }

    private static JsonObjectBuilder claims(String subject, AccessScope scope, Instant expires) {
        JsonArrayBuilder groups = JsonProcessing.PROVIDER.createArrayBuilder();
        scope.roles().forEach(groups::add);
        return JsonProcessing.PROVIDER.createObjectBuilder()
                .add("iss", ISSUER)
                .add("aud", ACCESS_AUDIENCE)
                .add("sub", subject)
                .add("upn", subject)
                .add("jti", UUID.randomUUID().toString())
                .add("iat", Instant.now().getEpochSecond())
                .add("exp", expires.getEpochSecond())
                .add("groups", groups)
                .add(SCOPE_CLAIM, scope.claimValue());
    }

    private IssuedToken sign(JsonObjectBuilder claims) {
        JsonObject built = claims.build();
        return new IssuedToken(JsonWebTokens.sign(built, keys.privateKey()), Instant.ofEpochSecond(built.getJsonNumber("exp").longValue()));
    }

    /** @param subject the client (its own login) or the person whose login this is */
    public IssuedToken refresh(UUID tokenId, UUID familyId, UUID subject, Instant expires) {
        JsonObject claims = JsonProcessing.PROVIDER.createObjectBuilder()
                .add("iss", ISSUER)
                .add("aud", REFRESH_AUDIENCE)
                .add("sub", subject.toString())
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
