package io.facegate.cameras;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Delays between reconnection attempts: doubling from {@code min} to {@code max}, each drawn at
 * random from the upper half of its step ("equal jitter"), so that cameras that dropped together
 * (a switch rebooting) do not all reconnect in the same instant. Reset once a connection has been
 * stable for a while, not at every successful connect: a camera that connects and drops at once
 * keeps backing off.
 */
final class ReconnectBackoff {

    private final long minNanos;
    private final long maxNanos;
    private final RandomGenerator random;
    private int attempts;

    ReconnectBackoff(Duration min, Duration max, RandomGenerator random) {
        this.minNanos = min.toNanos();
        this.maxNanos = max.toNanos();
        this.random = random;
    }

    /** The delay before the next attempt; each call counts one more failure. */
    long nextDelayNanos() {
        long step = attempts >= 62 ? maxNanos : Math.min(maxNanos, minNanos << Math.min(attempts, 30));
        attempts++;
        return step / 2 + (long) (random.nextDouble() * (step - step / 2));
    }

    void reset() {
        attempts = 0;
    }
}
