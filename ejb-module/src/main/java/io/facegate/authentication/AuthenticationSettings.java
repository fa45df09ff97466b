package io.facegate.authentication;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Optional;

/**
 * Credentials' settings: token lifetimes ({@code FACEGATE_AUTHENTICATION_*}), and the operator
 * token and token key pair, which the launcher provides ({@code FACEGATE_ADMIN_TOKEN},
 * {@code FACEGATE_JWT_PRIVATE_KEY}, {@code MP_JWT_VERIFY_PUBLICKEY}).
 */
@ApplicationScoped
public class AuthenticationSettings {

    @Inject
    @ConfigProperty(name = "facegate.authentication.access-token-ttl-seconds", defaultValue = "900")
    long accessTokenTtlSeconds;

    /** Browser tokens (the API key alone) live shorter: a page asks for a new one when it needs it. */
    @Inject
    @ConfigProperty(name = "facegate.authentication.browser-token-ttl-seconds", defaultValue = "600")
    long browserTokenTtlSeconds;

    @Inject
    @ConfigProperty(name = "facegate.authentication.refresh-token-ttl-seconds", defaultValue = "604800")
    long refreshTokenTtlSeconds;

    /** When set, authoritative: setting it again later replaces the stored operator credential. */
    @Inject
    @ConfigProperty(name = "facegate.admin-token")
    Optional<String> adminToken;

    @Inject
    @ConfigProperty(name = "facegate.jwt.private-key")
    String jwtPrivateKeyPem;

    /** The very key MicroProfile JWT verifies access tokens with, so signing and verifying cannot drift apart. */
    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey")
    String jwtPublicKeyPem;

    public Duration accessTokenTtl() {
        return Duration.ofSeconds(accessTokenTtlSeconds);
    }

    public Duration browserTokenTtl() {
        return Duration.ofSeconds(browserTokenTtlSeconds);
    }

    public Duration refreshTokenTtl() {
        return Duration.ofSeconds(refreshTokenTtlSeconds);
    }

    public Optional<String> adminToken() {
        return adminToken.map(String::strip).filter(token -> !token.isEmpty());
    }

    public String jwtPrivateKeyPem() {
        return jwtPrivateKeyPem;
    }

    public String jwtPublicKeyPem() {
        return jwtPublicKeyPem;
    }
}
