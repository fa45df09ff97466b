package io.facegate.usage;

/**
 * How usage recording is keeping up: calls waiting in the queue, and since start the calls written,
 * dropped because the queue was full, and lost because writing them failed.
 */
public record UsageTrackingStatus(int queued, int capacity, long written, long dropped, long failed) {
}
