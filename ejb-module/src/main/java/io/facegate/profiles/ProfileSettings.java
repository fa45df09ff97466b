package io.facegate.profiles;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** Facial profiles' settings ({@code FACEGATE_PROFILES_*} in the environment). */
@ApplicationScoped
public class ProfileSettings {

    /** How long a sync request waits for its job before answering 202 with the sync's status URL. */
    @Inject
    @ConfigProperty(name = "facegate.profiles.sync-wait-seconds", defaultValue = "10")
    int syncWaitSeconds;

    /** Most profiles one bulk import may carry. */
    @Inject
    @ConfigProperty(name = "facegate.profiles.max-import-profiles", defaultValue = "10000")
    int maxImportProfiles;

    public Duration syncWait() {
        return Duration.ofSeconds(Math.max(0, syncWaitSeconds));
    }

    public int maxImportProfiles() {
        return maxImportProfiles;
    }
}
