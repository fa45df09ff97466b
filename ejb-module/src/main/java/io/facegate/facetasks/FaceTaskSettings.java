package io.facegate.facetasks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** How long face tasks and their results are kept ({@code facegate.face-tasks.retention-hours}). */
@ApplicationScoped
public class FaceTaskSettings {

    @Inject
    @ConfigProperty(name = "facegate.face-tasks.retention-hours", defaultValue = "24")
    long retentionHours;

    public Duration retention() {
        return Duration.ofHours(retentionHours);
    }
}
