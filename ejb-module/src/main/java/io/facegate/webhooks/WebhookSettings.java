package io.facegate.webhooks;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * How webhooks are delivered and their log kept, from MicroProfile Config ({@code FACEGATE_WEBHOOKS_*}
 * in the environment). A malformed schedule stops the deployment.
 */
@ApplicationScoped
public class WebhookSettings {

    /** The most deliveries sent at once; the managed executor is sized for it. */
    public static final int MAX_CONCURRENCY = 32;

    @Inject
    @ConfigProperty(name = "facegate.webhooks.retry-schedule", defaultValue = RetrySchedule.DEFAULT)
    String retrySchedule;

    /** An endpoint whose every attempt failed for this long is disabled (Standard Webhooks: five days). */
    @Inject
    @ConfigProperty(name = "facegate.webhooks.disable-after-hours", defaultValue = "120")
    long disableAfterHours;

    /** The longest one attempt may take, connection included. */
    @Inject
    @ConfigProperty(name = "facegate.webhooks.timeout-seconds", defaultValue = "15")
    long timeoutSeconds;

    /** Endpoints sent to at once (each endpoint's deliveries go one after the other). */
    @Inject
    @ConfigProperty(name = "facegate.webhooks.concurrency", defaultValue = "8")
    int concurrency;

    /** How often due retries, and deliveries another server wrote, are looked for. */
    @Inject
    @ConfigProperty(name = "facegate.webhooks.poll-interval-ms", defaultValue = "1000")
    long pollIntervalMs;

    /** Finished deliveries older than this are purged nightly; 0 keeps them. */
    @Inject
    @ConfigProperty(name = "facegate.webhooks.retention-days", defaultValue = "30")
    int retentionDays;

    private RetrySchedule schedule;

    @PostConstruct
    void read() {
        try {
            schedule = RetrySchedule.parse(retrySchedule);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("FACEGATE_WEBHOOKS_RETRY_SCHEDULE: " + e.getMessage(), e);
        }
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new IllegalStateException("FACEGATE_WEBHOOKS_CONCURRENCY must be between 1 and " + MAX_CONCURRENCY);
        }
        if (timeoutSeconds < 1) {
            throw new IllegalStateException("FACEGATE_WEBHOOKS_TIMEOUT_SECONDS must be at least 1");
        }
    }

    public RetrySchedule retrySchedule() {
        return schedule;
    }

    public Duration disableAfter() {
        return Duration.ofHours(disableAfterHours);
    }

    public Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }

    public int concurrency() {
        return concurrency;
    }

    public int retentionDays() {
        return retentionDays;
    }

    public Duration pollInterval() {
        return Duration.ofMillis(Math.max(50, pollIntervalMs));
    }
}
