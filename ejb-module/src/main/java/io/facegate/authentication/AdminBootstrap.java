package io.facegate.authentication;

import io.facegate.crypto.RandomTokens;
import io.facegate.crypto.SecretHasher;
import io.facegate.domain.authentication.AdminCredential;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * Creates the operator credential on first start. {@code FACEGATE_ADMIN_TOKEN}, when set, is
 * authoritative: setting it again later replaces the stored credential (how an operator recovers
 * a lost token). Without it and without a stored credential, a token is generated and logged once.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    @Inject
    AuthenticationSettings settings;

    @PostConstruct
    void ensureAdminCredential() {
        AdminCredential existing = em.createNamedQuery(AdminCredential.BY_NAME, AdminCredential.class)
                .setParameter("name", AdminCredential.BOOTSTRAP_NAME)
                .getResultStream().findFirst().orElse(null);
        Optional<String> token = settings.adminToken();
        if (existing == null) {
            String initial = token.orElseGet(() -> RandomTokens.next("fga_", 24));
            em.persist(new AdminCredential(AdminCredential.BOOTSTRAP_NAME, SecretHasher.hash(initial)));
            if (token.isEmpty()) {
                LOG.warning("FaceGate admin token (shown once, store it now): " + initial);
            } else {
                LOG.info("FaceGate admin credential created from FACEGATE_ADMIN_TOKEN");
            }
        } else if (token.isPresent() && !SecretHasher.matches(token.get(), existing.getTokenHash())) {
            existing.replaceToken(SecretHasher.hash(token.get()));
            LOG.info("FaceGate admin credential replaced from FACEGATE_ADMIN_TOKEN");
        }
    }
}
