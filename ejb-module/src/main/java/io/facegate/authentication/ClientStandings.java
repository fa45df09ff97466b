package io.facegate.authentication;

import io.facegate.domain.clients.Client;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Clients' standings, read from the database at most once per {@link #TTL} per client (see
 * {@link StandingCache}): disabling, rotating and re-configuring a client take effect at the next
 * request on this server, within {@link #TTL} on the others.
 */
@ApplicationScoped
public class ClientStandings {

    static final Duration TTL = Duration.ofSeconds(5);

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    private final StandingCache<ClientStanding> cache;

    public ClientStandings() {
        this(Clock.systemUTC());
    }

    ClientStandings(Clock clock) {
        this.cache = new StandingCache<>(clock, TTL, this::read);
    }

    /** The client's standing; empty when the client does not exist (any more). */
    Optional<ClientStanding> of(UUID clientId) {
        return cache.of(clientId);
    }

    /** Forgets what is known of the client: its next check reads it again. */
    public void evict(UUID clientId) {
        cache.evict(clientId);
    }

    Optional<ClientStanding> read(UUID clientId) {
        return Optional.ofNullable(em.find(Client.class, clientId)).map(ClientStanding::of);
    }
}
