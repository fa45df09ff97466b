package io.facegate.cameras;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** How cameras are polled and their faces decided, from MicroProfile Config ({@code FACEGATE_CAMERAS_*}). */
@ApplicationScoped
public class CameraPollingSettings {

    @Inject
    @ConfigProperty(name = "facegate.cameras.connect-timeout-seconds", defaultValue = "5")
    int connectTimeoutSeconds;

    /** A read that waits longer fails (and the poller reconnects). */
    @Inject
    @ConfigProperty(name = "facegate.cameras.read-timeout-seconds", defaultValue = "10")
    int readTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "facegate.cameras.offline-after-seconds", defaultValue = "20")
    int offlineAfterSeconds;

    @Inject
    @ConfigProperty(name = "facegate.cameras.reconnect-max-seconds", defaultValue = "60")
    int reconnectMaxSeconds;

    @Inject
    @ConfigProperty(name = "facegate.cameras.busy-retry-seconds", defaultValue = "60")
    int busyRetrySeconds;

    @Inject
    @ConfigProperty(name = "facegate.cameras.max-frame-bytes", defaultValue = "4194304")
    int maxFrameBytes;

    /** A server that stops renewing its cameras' leases loses them after this long (another takes over). */
    @Inject
    @ConfigProperty(name = "facegate.cameras.lease-seconds", defaultValue = "20")
    int leaseSeconds;

    /** How often active cameras are re-read and leases renewed: edits and deletions take effect within this. */
    @Inject
    @ConfigProperty(name = "facegate.cameras.scan-interval-seconds", defaultValue = "2")
    int scanIntervalSeconds;

    /** A good-quality face whose best similarity is this far below the threshold is a NEW_FACE. */
    @Inject
    @ConfigProperty(name = "facegate.cameras.new-face-margin", defaultValue = "0.15")
    double newFaceMargin;

    PollingTimings timings() {
        return new PollingTimings(Duration.ofSeconds(offlineAfterSeconds), Duration.ofSeconds(1), Duration.ofSeconds(reconnectMaxSeconds),
                Duration.ofSeconds(30), Duration.ofSeconds(busyRetrySeconds), 2);
    }

    Duration connectTimeout() {
        return Duration.ofSeconds(connectTimeoutSeconds);
    }

    Duration readTimeout() {
        return Duration.ofSeconds(readTimeoutSeconds);
    }

    int maxFrameBytes() {
        return maxFrameBytes;
    }

    Duration lease() {
        return Duration.ofSeconds(leaseSeconds);
    }

    Duration scanInterval() {
        return Duration.ofSeconds(scanIntervalSeconds);
    }

    double newFaceMargin() {
        return newFaceMargin;
    }
}
