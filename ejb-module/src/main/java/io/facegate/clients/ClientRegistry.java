package io.facegate.clients;

import io.facegate.crypto.RandomTokens;
import io.facegate.crypto.SecretHasher;
import io.facegate.authentication.VerifiedCredentialCache;
import io.facegate.domain.authentication.RefreshToken;
import io.facegate.domain.clients.Client;
import io.facegate.system.FaceGateException;
import io.facegate.crypto.MasterKey;
import io.facegate.system.Page;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.UUID;

/** The operator's use cases: register tenants, re-key and disable them. */
@Stateless
public class ClientRegistry {

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    @Inject
    MasterKey masterKey;

    @Inject
    VerifiedCredentialCache verifiedCredentials;

    public CreatedClient register(String name, String allowedOriginsJson) {
        String secret = newSecret();
        Client client = new Client(name, RandomTokens.next("fg_", 18), SecretHasher.hash(secret),
                masterKey.sealText(secret), allowedOriginsJson);
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

    /** Issues a new secret; the old one stops working at once, and so do its refresh tokens. */
    public CreatedClient rotateSecret(UUID id) {
        Client client = find(id);
        String secret = newSecret();
        client.rotateSecret(SecretHasher.hash(secret), masterKey.sealText(secret));
        revokeLogins(client);
        return new CreatedClient(client, secret);
    }

    public Client update(UUID id, String name, String allowedOriginsJson, Boolean active) {
        Client client = find(id);
        if (name != null) {
            client.rename(name);
        }
        if (allowedOriginsJson != null) {
            client.allowOrigins(allowedOriginsJson);
        }
        if (Boolean.FALSE.equals(active)) {
            client.disable();
            revokeLogins(client);
        } else if (Boolean.TRUE.equals(active)) {
            client.enable();
        }
        return client;
    }

    /** The clear secret, for encrypting results to the client (seed 003: key = SHA-256(secret)). */
    public String revealSecret(Client client) {
        return masterKey.unsealText(client.getApiSecretSealed());
    }

    private void revokeLogins(Client client) {
        verifiedCredentials.evict(client.getApiKey());
        em.createNamedQuery(RefreshToken.REVOKE_CLIENT)
                .setParameter("now", Instant.now()).setParameter("clientId", client.getId()).executeUpdate();
    }

    private static String newSecret() {
        return RandomTokens.next("fgs_", 32);
    }
}
