package io.facegate.authentication;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Standings read at most once per {@code ttl} per id, so that the check every request makes costs
 * no query. A change made on this server evicts the entry once it commits and takes effect at the
 * next request; a change made by another server on the same database takes effect here within the ttl.
 */
final class StandingCache<T> {

    private static final int MAX_ENTRIES = 10_000;

    private final Clock clock;
    private final Duration ttl;
    private final Function<UUID, Optional<T>> read;
    private final Map<UUID, Entry<T>> entries = new ConcurrentHashMap<>();

    private record Entry<T>(Optional<T> standing, Instant readAt) {
    }

    StandingCache(Clock clock, Duration ttl, Function<UUID, Optional<T>> read) {
        this.clock = clock;
        this.ttl = ttl;
        this.read = read;
    }

    /** The standing; empty when there is nothing (any more) to stand. */
    Optional<T> of(UUID id) {
        Instant now = clock.instant();
        Entry<T> entry = entries.get(id);
        if (entry == null || !now.isBefore(entry.readAt().plus(ttl))) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entry = new Entry<>(read.apply(id), now);
            entries.put(id, entry);
        }
        return entry.standing();
    }

    void evict(UUID id) {
        entries.remove(id);
    }
}
