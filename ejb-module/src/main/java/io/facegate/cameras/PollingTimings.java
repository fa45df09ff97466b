package io.facegate.cameras;

import java.time.Duration;

/**
 * How a poller reacts to a camera over time.
 *
 * @param offlineAfter  no frame for this long: offline (and the connection is restarted)
 * @param backoffMin    first reconnection delay
 * @param backoffMax    longest reconnection delay
 * @param stableAfter   frames for this long without a failure reset the backoff
 * @param busyRetry     while an MJPEG camera is polled through its snapshot URL because its stream
 *                      is busy, how often the stream is tried again
 * @param busyFailures  failed stream attempts in a row (no answer, refused) before falling back to snapshots
 */
record PollingTimings(Duration offlineAfter, Duration backoffMin, Duration backoffMax, Duration stableAfter,
                      Duration busyRetry, int busyFailures) {
}
