package io.facegate.ratelimits;

/**
 * Where a caller stands in one category after a request, for the {@code RateLimit-*} headers.
 *
 * @param resetSeconds seconds until the whole limit is available again
 */
public record RateState(int limit, long remaining, long resetSeconds, long windowSeconds) {
}
