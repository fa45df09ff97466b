package io.facegate.authentication;

import io.facegate.domain.authentication.RevokedAccessToken;
import io.facegate.domain.clients.ClientUser;
import io.facegate.clients.ClientUserDeleted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.UUID;

/**
 * People's standings, cached like clients' ({@link StandingCache}, {@link ClientStandings#TTL}):
 * a logout, a password change, a deactivation or a new role takes effect at the person's next
 * request on this server, within the ttl on the others.
 */
@ApplicationScoped
public class PersonStandings {

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    private final StandingCache<PersonStanding> cache;

    public PersonStandings() {
        this(Clock.systemUTC());
    }

    PersonStandings(Clock clock) {
        this.cache = new StandingCache<>(clock, ClientStandings.TTL, this::read);
    }

    Optional<PersonStanding> of(UUID personId) {
        return cache.of(personId);
    }

    /** Forgets what is known of the person: their next request reads them again. */
    public void evict(UUID personId) {
        cache.evict(personId);
    }

    /** An erased person's tokens fail at once, not only when the cached standing expires. */
    void erased(@Observes(during = TransactionPhase.AFTER_SUCCESS) ClientUserDeleted deleted) {
        evict(deleted.clientUserId());
    }

    Optional<PersonStanding> read(UUID personId) {
        return Optional.ofNullable(em.find(ClientUser.class, personId)).map(person -> PersonStanding.of(person, new HashSet<>(
                em.createNamedQuery(RevokedAccessToken.OF_PERSON, UUID.class)
                        .setParameter("clientUserId", personId).setParameter("now", Instant.now()).getResultList())));
    }
}
