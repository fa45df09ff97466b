package io.facegate.clients;

import io.facegate.authentication.AllowedOrigins;
import io.facegate.authentication.ClientStandings;
import io.facegate.authentication.VerifiedCredentialCache;
import io.facegate.crypto.MasterKey;
import io.facegate.crypto.RandomTokens;
import io.facegate.crypto.SecretHasher;
import io.facegate.domain.authentication.RefreshToken;
import io.facegate.domain.clients.Client;
import io.facegate.domain.shared.JsonProcessing;
import io.facegate.ratelimits.RateCategory;
import io.facegate.system.AfterCommit;
import io.facegate.system.FaceGateException;
import io.facegate.system.Page;
import io.facegate.system.SecretRotated;
import io.facegate.system.SettingsChanged;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The operator's use cases: register tenants, re-key and disable them. */
@Stateless
public class ClientRegistry {

    static final int MAX_RATE_LIMIT = 1_000_000;

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    @Inject
    Event<SettingsChanged> settingsChanged;

    @Inject
    Event<SecretRotated> secretRotated;

    @Inject
    MasterKey masterKey;

    @Inject
    VerifiedCredentialCache verifiedCredentials;

    @Inject
    ClientStandings standings;

    @Inject
    AfterCommit afterCommit;

    /** @param allowedOrigins the web origins whose pages may use the client's key; null or empty allows any */
    public CreatedClient register(String name, List<String> allowedOrigins) {
        String secret = newSecret();
        Client client = new Client(name, RandomTokens.next("fg_", 18), SecretHasher.hash(secret),
                masterKey.sealText(secret), allowedOrigins == null ? null : AllowedOrigins.json(allowedOrigins));
        em.persist(client);
        return new CreatedClient(client, secret);
    }

    public Page<Client> list(int offset, int limit) {
        Page.validate(offset, limit);
        long count = em.createQuery("select count(c) from Client c", Long.class).getSingleResult();
        var items = em.createNamedQuery(Client.ALL, Client.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
        return new Page<>(count, offset, limit, items);
    }

    public Client find(UUID id) {
        Client client = em.find(Client.class, id);
        if (client == null) {
            throw FaceGateException.notFound("client");
        }
        return client;
    }

    /** Issues a new secret; the old one stops working at once, and so do the tokens and refresh tokens it gave. */
    public CreatedClient rotateSecret(UUID id) {
        Client client = findForUpdate(id);
        String secret = newSecret();
        client.rotateSecret(SecretHasher.hash(secret), masterKey.sealText(secret));
        secretRotated.fire(new SecretRotated(id, "api_secret", null, Instant.now()));
        revokeLogins(client);
        refreshStandingAfterCommit(client);
        return new CreatedClient(client, secret);
    }

    /** Applies the changes given (null leaves a field as it is); concurrent changes apply one after the other. */
    public Client update(UUID id, String name, List<String> allowedOrigins, Boolean active, Boolean browserReenrollment) {
        Client client = findForUpdate(id);
        if (browserReenrollment != null) {
            client.allowBrowserReenrollment(browserReenrollment);
        }
        if (name != null) {
            client.rename(name);
        }
        if (allowedOrigins != null) {
            client.allowOrigins(AllowedOrigins.json(allowedOrigins));
        }
        if (Boolean.FALSE.equals(active)) {
            client.disable();
            revokeLogins(client);
        } else if (Boolean.TRUE.equals(active)) {
            client.enable();
        }
        refreshStandingAfterCommit(client);
        List<String> fields = new ArrayList<>();
        if (name != null) {
            fields.add("name");
        }
        if (allowedOrigins != null) {
            fields.add("allowed_origins");
        }
        if (active != null) {
            fields.add("is_active");
        }
        if (browserReenrollment != null) {
            fields.add("browser_reenrollment");
        }
        settingsChanged.fire(new SettingsChanged(id, "client", null, "updated", fields, Instant.now()));
        return client;
    }

    /**
     * Sets the client's own rate limits per category (requests per the category's window); the
     * categories not named return to the server's defaults.
     */
    public Client limitRates(UUID id, Map<RateCategory, Integer> limits) {
        Client client = findForUpdate(id);
        JsonObjectBuilder json = JsonProcessing.PROVIDER.createObjectBuilder();
        limits.forEach((category, limit) -> {
            if (limit == null || limit < 1 || limit > MAX_RATE_LIMIT) {
                throw FaceGateException.invalid("invalid_rate_limits", "each rate limit must be between 1 and " + MAX_RATE_LIMIT);
            }
            json.add(category.apiName(), limit);
        });
        client.limitRates(json.build().toString());
        refreshStandingAfterCommit(client);
        return client;
    }

    /** The clear secret, for encrypting results to the client (seed 003: key = SHA-256(secret)). */
    public String revealSecret(Client client) {
        return masterKey.unsealText(client.getApiSecretSealed());
    }

    /** The row locked until commit, so that concurrent edits of one client wait for each other instead of failing. */
    private Client findForUpdate(UUID id) {
        Client client = em.find(Client.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (client == null) {
            throw FaceGateException.notFound("client");
        }
        return client;
    }

    private void revokeLogins(Client client) {
        String apiKey = client.getApiKey();
        afterCommit.run("forget verified credentials of " + apiKey, () -> verifiedCredentials.evict(apiKey));
        em.createNamedQuery(RefreshToken.REVOKE_CLIENT)
                .setParameter("now", Instant.now()).setParameter("clientId", client.getId()).executeUpdate();
    }

    /** A cached standing read before this change commits must not outlive it. */
    private void refreshStandingAfterCommit(Client client) {
        UUID id = client.getId();
        afterCommit.run("refresh standing of client " + id, () -> standings.evict(id));
    }

    private static String newSecret() {
        return RandomTokens.next("fgs_", 32);
    }
}
