package io.facegate.authentication;

import io.facegate.authentication.ApiLoggedIn.Credential;
import io.facegate.crypto.SecretHasher;
import io.facegate.domain.authentication.AdminCredential;
import io.facegate.domain.authentication.RefreshToken;
import io.facegate.domain.clients.Client;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns credentials into tokens: API key + secret (full scope, with a rotating refresh token),
 * API key alone (browser scope), the admin token, and refresh tokens.
 */
@Stateless
public class ClientAuthentication {

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    @Inject
    TokenIssuer issuer;

    @Inject
    VerifiedCredentialCache verifiedCredentials;

    @Inject
    ClientAccess access;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    Event<ApiLoggedIn> loggedIn;

    public TokenPair authenticate(String apiKey, String apiSecret) {
        Instant now = Instant.now();
        Client client;
        try {
            client = verifiedClient(apiKey, apiSecret);
        } catch (AuthenticationFailedException refused) {
            activeClient(apiKey).ifPresent(c -> loggedIn.fire(ApiLoggedIn.refused(c.getId(), Credential.API_SECRET, refused, now)));
            throw refused;
        }
        loggedIn.fire(ApiLoggedIn.granted(client.getId(), Credential.API_SECRET, now));
        return issuePair(client, UUID.randomUUID(), now);
    }

    /**
     * A short-lived token that may only create sessions and stream frames: safe to hand to a browser.
     *
     * @param origin the page asking, when a browser asks: it must be one of the client's allowed origins
     */
    public IssuedToken authenticateBrowser(String apiKey, String origin) {
        Client client = activeClient(apiKey).orElseThrow(AuthenticationFailedException::invalidCredentials);
        access.admitSession(client.getId(), origin);
        loggedIn.fire(ApiLoggedIn.granted(client.getId(), Credential.API_KEY, Instant.now()));
        return issuer.access(client.getId(), client.getSecretGeneration(), AccessScope.SESSION);
    }

    public IssuedToken authenticateAdmin(String adminToken) {
        Instant now = Instant.now();
        AdminCredential admin = em.createNamedQuery(AdminCredential.BY_NAME, AdminCredential.class)
                .setParameter("name", AdminCredential.BOOTSTRAP_NAME)
                .getResultStream().findFirst()
                .filter(a -> SecretHasher.matches(adminToken, a.getTokenHash()))
                .orElse(null);
        if (admin == null) {
            AuthenticationFailedException refused = new AuthenticationFailedException("invalid_admin_token", "admin token is wrong");
            loggedIn.fire(ApiLoggedIn.refused(null, Credential.ADMIN_TOKEN, refused, now));
            throw refused;
        }
        loggedIn.fire(ApiLoggedIn.granted(null, Credential.ADMIN_TOKEN, now));
        return issuer.admin("admin:" + admin.getName());
    }

    /**
     * Exchanges a refresh token for a new pair. A token is good once: presenting a used one again
     * revokes its whole family, since one of its two holders is not the client.
     */
    public TokenPair refresh(String refreshToken) {
        Instant now = Instant.now();
        RefreshToken stored;
        try {
            stored = refreshTokens.redeem(refreshToken, RefreshTokens.Owner.CLIENT, now);
        } catch (AuthenticationFailedException refused) {
            // A client's token refused (a replay, an expired or revoked one) is a fact about that client.
            RefreshToken known = refreshTokens.find(refreshToken, now);
            if (known != null && known.getClientUserId() == null) {
                loggedIn.fire(ApiLoggedIn.refused(known.getClientId(), Credential.REFRESH_TOKEN, refused, now));
            }
            throw refused;
        }
        Client client = em.find(Client.class, stored.getClientId());
        if (client == null || !client.isActive()) {
            AuthenticationFailedException refused = AuthenticationFailedException.invalidCredentials();
            loggedIn.fire(ApiLoggedIn.refused(stored.getClientId(), Credential.REFRESH_TOKEN, refused, now));
            throw refused;
        }
        loggedIn.fire(ApiLoggedIn.granted(client.getId(), Credential.REFRESH_TOKEN, now));
        return issuePair(client, stored.getFamilyId(), now);
    }

    /** Resolves the {@code X-API-Key} (and optional {@code X-API-Secret}) headers to a caller. */
    public CallerIdentity identifyByApiKey(String apiKey, String apiSecret) {
        if (apiSecret == null) {
            Client client = activeClient(apiKey).orElseThrow(AuthenticationFailedException::invalidCredentials);
            return new CallerIdentity(client.getId().toString(), client.getId(), AccessScope.SESSION, null);
        }
        UUID cached = verifiedCredentials.lookup(apiKey, apiSecret);
        UUID clientId = cached != null ? cached : verifiedClient(apiKey, apiSecret).getId();
        return new CallerIdentity(clientId.toString(), clientId, AccessScope.FULL, null);
    }

    private Client verifiedClient(String apiKey, String apiSecret) {
        Client client = activeClient(apiKey)
                .filter(c -> SecretHasher.matches(apiSecret, c.getApiSecretHash()))
                .orElseThrow(AuthenticationFailedException::invalidCredentials);
        verifiedCredentials.remember(apiKey, apiSecret, client.getId());
        return client;
    }

    private TokenPair issuePair(Client client, UUID familyId, Instant now) {
        return new TokenPair(issuer.access(client.getId(), client.getSecretGeneration(), AccessScope.FULL),
                refreshTokens.issue(client.getId(), null, familyId, now));
    }

    /** The active client holding {@code apiKey} (the tenant a person logs in to, for one). */
    public Optional<Client> activeClient(String apiKey) {
        if (apiKey == null || apiKey.isBlank() || apiKey.length() > 128) {
            return Optional.empty();
        }
        return em.createNamedQuery(Client.BY_API_KEY, Client.class)
                .setParameter("apiKey", apiKey.strip())
                .getResultStream().findFirst()
                .filter(Client::isActive);
    }
}
