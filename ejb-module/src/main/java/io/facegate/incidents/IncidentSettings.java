package io.facegate.incidents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** Security incidents' settings ({@code FACEGATE_INCIDENTS_*} in the environment). */
@ApplicationScoped
public class IncidentSettings {

    /** A person's sessions failing liveness this many times within the window raise an incident. */
    @Inject
    @ConfigProperty(name = "facegate.incidents.liveness-failures", defaultValue = "3")
    int livenessFailures;

    @Inject
    @ConfigProperty(name = "facegate.incidents.liveness-window-minutes", defaultValue = "10")
    int livenessWindowMinutes;

    /** How long an incident's presigned image link works. */
    @Inject
    @ConfigProperty(name = "facegate.incidents.image-url-ttl-seconds", defaultValue = "900")
    int imageUrlTtlSeconds;

    public int livenessFailures() {
        return Math.max(1, livenessFailures);
    }

    public Duration livenessWindow() {
        return Duration.ofMinutes(Math.max(1, livenessWindowMinutes));
    }

    public int imageUrlTtlSeconds() {
        return Math.max(1, imageUrlTtlSeconds);
    }
}
