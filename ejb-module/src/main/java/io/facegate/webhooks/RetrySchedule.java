package io.facegate.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a delivery is tried: entry i is the wait before attempt i + 1 (the first entry, usually 0,
 * is the first attempt). Waits are jittered by ±{@value #JITTER_PERCENT} % so that deliveries that
 * failed together do not all come back at the same instant. A receiver's {@code Retry-After}
 * replaces the scheduled wait, up to a day (it still counts as one of the attempts).
 */
public final class RetrySchedule {

    /** Standard Webhooks' (Svix's) schedule, continued to about three days. */
    public static final String DEFAULT = "0s,5s,5m,30m,2h,5h,10h,14h,20h,24h";
    static final int JITTER_PERCENT = 10;
    /** The longest a receiver's {@code Retry-After} defers a delivery. */
    static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);

    private static final Pattern ENTRY = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private final List<Duration> waits;

    private RetrySchedule(List<Duration> waits) {
        this.waits = List.copyOf(waits);
    }

    /**
     * @param text comma-separated waits such as {@code 0s,5s,5m,2h,1d} (units ms, s, m, h, d)
     * @throws IllegalArgumentException naming the entry that is not a wait
     */
    public static RetrySchedule parse(String text) {
        List<Duration> waits = new ArrayList<>();
        for (String raw : text.split(",")) {
            Matcher entry = ENTRY.matcher(raw.strip().toLowerCase(Locale.ROOT));
            if (!entry.matches()) {
                throw new IllegalArgumentException("not a wait such as 30s, 5m or 2h: \"" + raw.strip() + "\"");
            }
            long amount = Long.parseLong(entry.group(1));
            waits.add(switch (entry.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            });
        }
        if (waits.isEmpty()) {
            throw new IllegalArgumentException("the schedule needs at least one attempt");
        }
        return new RetrySchedule(waits);
    }

    /** How many attempts a delivery gets in one round (from its creation, or from a replay). */
    public int attempts() {
        return waits.size();
    }

    /**
     * When to try again after the {@code attemptsMade}-th attempt of a round failed at {@code now},
     * or empty when that was the last one.
     *
     * @param retryAfter the receiver's {@code Retry-After}, or null
     * @param random     uniform in [0, 1), for the jitter
     */
    public Optional<Instant> nextAttempt(int attemptsMade, Instant now, Duration retryAfter, DoubleSupplier random) {
        if (attemptsMade >= waits.size()) {
            return Optional.empty();
        }
        if (retryAfter != null) {
            return Optional.of(now.plus(retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter));
        }
        Duration wait = waits.get(attemptsMade);
        double factor = 1 + JITTER_PERCENT / 100.0 * (2 * random.getAsDouble() - 1);
        return Optional.of(now.plusNanos(Math.round(wait.toNanos() * factor)));
    }

    @Override
    public String toString() {
        return waits.toString();
    }
}
