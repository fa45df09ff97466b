package io.facegate.usage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Usage tracking's settings ({@code FACEGATE_USAGE_*} in the environment). */
@ApplicationScoped
public class UsageSettings {

    /** Calls waiting to be written; beyond it calls are dropped and counted, never waited for. */
    @Inject
    @ConfigProperty(name = "facegate.usage.queue-capacity", defaultValue = "10000")
    int queueCapacity;

    @Inject
    @ConfigProperty(name = "facegate.usage.batch-size", defaultValue = "500")
    int batchSize;

    @Inject
    @ConfigProperty(name = "facegate.usage.flush-interval-ms", defaultValue = "500")
    long flushIntervalMs;

    /** Rows older than this are deleted by the nightly purge-api-usage job; 0 keeps them. */
    @Inject
    @ConfigProperty(name = "facegate.usage.retention-days", defaultValue = "90")
    int retentionDays;

    /** Comma-separated IPs or CIDR ranges whose X-Forwarded-For is believed (Payara cannot inject an optional list). */
    @Inject
    @ConfigProperty(name = "facegate.usage.trusted-proxies")
    Optional<String> trustedProxies;

    public int queueCapacity() {
        return Math.max(1, queueCapacity);
    }

    public int batchSize() {
        return Math.max(1, batchSize);
    }

    public long flushIntervalMs() {
        return flushIntervalMs;
    }

    public int retentionDays() {
        return retentionDays;
    }

    public List<String> trustedProxies() {
        return Arrays.stream(trustedProxies.orElse("").split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }
}
