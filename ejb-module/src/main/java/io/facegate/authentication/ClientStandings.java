package io.facegate.authentication;

import io.facegate.domain.clients.Client;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Clients' standings, read from the database at most once per {@link #TTL} per client, so that the
 * check every request makes costs no query. A change made on this server evicts the entry once it
 * commits and takes effect at the next request; a change made by another server on the same
 * database takes effect here within {@link #TTL}.
 */
@ApplicationScoped
public class ClientStandings {

    static final Duration TTL = Duration.ofSeconds(5);
    private static final int MAX_ENTRIES = 10_000;

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    private final Clock clock;
    private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(Optional<ClientStanding> standing, Instant readAt) {
    }

    public ClientStandings() {
        this(Clock.systemUTC());
    }

    ClientStandings(Clock clock) {
        this.clock = clock;
    }

    /** The client's standing; empty when the client does not exist (any more). */
    Optional<ClientStanding> of(UUID clientId) {
        Instant now = clock.instant();
        Entry entry = entries.get(clientId);
        if (entry == null || !now.isBefore(entry.readAt().plus(TTL))) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entry = new Entry(read(clientId), now);
            entries.put(clientId, entry);
        }
        return entry.standing();
    }

    /** Forgets what is known of the client: its next check reads it again. */
    public void evict(UUID clientId) {
        entries.remove(clientId);
    }

    Optional<ClientStanding> read(UUID clientId) {
        return Optional.ofNullable(em.find(Client.class, clientId)).map(ClientStanding::of);
    }
}
