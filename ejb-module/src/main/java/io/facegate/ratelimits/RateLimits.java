package io.facegate.ratelimits;

import io.facegate.authentication.ClientAccess;
import io.facegate.domain.shared.JsonProcessing;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Seed 004's rate limits: one Bucket4j token bucket per caller (a client's credentials, or one
 * person's login) and category, refilled greedily (a limit of 5 a minute gives a request back
 * every 12 s). The limit is the client's own when the operator set one, else the server default.
 * <p>
 * Buckets live in this server's memory: behind a load balancer each server counts on its own. A
 * cluster shares them by swapping the map below for a Bucket4j {@code ProxyManager} over a store
 * every server reaches (the JCache one on Payara's Hazelcast, or PostgreSQL's), keyed the same way.
 */
@ApplicationScoped
public class RateLimits {

    /** Beyond this many buckets the idle ones (full again, so forgetting them changes nothing) are dropped. */
    static final int MAX_BUCKETS = 100_000;
    private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

    @Inject
    ClientAccess clientAccess;

    @Inject
    RateLimitSettings settings;

    private final TimeMeter time;
    private final Map<String, Tracked> buckets = new ConcurrentHashMap<>();
    private final Map<String, Map<RateCategory, Integer>> parsedClientLimits = new ConcurrentHashMap<>();

    private record Tracked(Bucket bucket, RateCategory category, long[] lastUsedNanos) {
    }

    public RateLimits() {
        this(TimeMeter.SYSTEM_NANOTIME);
    }

    RateLimits(TimeMeter time) {
        this.time = time;
    }

    /**
     * Counts one request of {@code caller} (a stable key: {@code client:<id>}, {@code person:<id>},
     * {@code login:<client>:<email>}) for {@code clientId}'s limits.
     *
     * @throws RateLimitExceededException 429 when the caller's requests of this category are used up
     */
    public RateState consume(String caller, UUID clientId, RateCategory category) {
        int limit = limitOf(clientId, category);
        long windowSeconds = category.window().toSeconds();
        long now = time.currentTimeNanos();
        String key = caller + "|" + category.apiName() + "|" + limit;
        if (!buckets.containsKey(key)) {
            evictIdle(now);
        }
        Tracked tracked = buckets.computeIfAbsent(key, k -> new Tracked(Bucket.builder().withCustomTimePrecision(time)
                .addLimit(l -> l.capacity(limit).refillGreedy(limit, category.window())).build(), category, new long[1]));
        tracked.lastUsedNanos()[0] = now;
        ConsumptionProbe probe = tracked.bucket().tryConsumeAndReturnRemaining(1);
        RateState state = new RateState(limit, probe.getRemainingTokens(), secondsUp(probe.getNanosToWaitForReset()), windowSeconds);
        if (!probe.isConsumed()) {
            throw new RateLimitExceededException(category, state, Math.max(1, secondsUp(probe.getNanosToWaitForRefill())));
        }
        return state;
    }

    int limitOf(UUID clientId, RateCategory category) {
        Integer own = clientId == null ? null : clientLimits(clientAccess.rateLimitsOf(clientId)).get(category);
        return own != null ? own : settings.defaults().get(category);
    }

    private Map<RateCategory, Integer> clientLimits(String json) {
        if (parsedClientLimits.size() > 10_000) {
            parsedClientLimits.clear();
        }
        return parsedClientLimits.computeIfAbsent(json, RateLimits::parse);
    }

    /** The operator's per-client limits as stored; what does not parse is ignored (the operator API refuses it anyway). */
    static Map<RateCategory, Integer> parse(String json) {
        Map<RateCategory, Integer> limits = new EnumMap<>(RateCategory.class);
        try (JsonReader reader = JsonProcessing.PROVIDER.createReader(new StringReader(json == null ? "{}" : json))) {
            JsonObject object = reader.readObject();
            object.forEach((name, value) -> RateCategory.fromApiName(name).ifPresent(category -> {
                if (value.getValueType() == JsonValue.ValueType.NUMBER && ((JsonNumber) value).isIntegral()
                        && ((JsonNumber) value).intValue() > 0) {
                    limits.put(category, ((JsonNumber) value).intValue());
                }
            }));
        } catch (JsonException | ClassCastException e) {
            return Map.of();
        }
        return limits;
    }

    private void evictIdle(long now) {
        if (buckets.size() < MAX_BUCKETS) {
            return;
        }
        buckets.values().removeIf(t -> now - t.lastUsedNanos()[0] > t.category().window().toNanos());
        if (buckets.size() >= MAX_BUCKETS) {
            buckets.clear();
        }
    }

    private static long secondsUp(long nanos) {
        return (nanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
    }
}
