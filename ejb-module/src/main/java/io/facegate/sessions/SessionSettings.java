package io.facegate.sessions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** Session defaults and limits, from MicroProfile Config ({@code FACEGATE_SESSION_*} in the environment). */
@ApplicationScoped
public class SessionSettings {

    @Inject
    @ConfigProperty(name = "facegate.session.idle-timeout-seconds", defaultValue = "300")
    long idleTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "facegate.session.target-samples", defaultValue = "3")
    int targetSamples;

    /**
     * Frames after which an undecided session fails: 10 s of a 10 fps stream, time enough for a
     * blink; a photo held up to the camera fails then rather than waiting for the idle timeout.
     */
    @Inject
    @ConfigProperty(name = "facegate.session.max-frames", defaultValue = "100")
    int maxFrames;

    /** Sessions with frames in flight held in memory at once; beyond it new sessions are refused (503). */
    @Inject
    @ConfigProperty(name = "facegate.session.max-active", defaultValue = "5000")
    int maxActive;

    public Duration idleTimeout() {
        return Duration.ofSeconds(idleTimeoutSeconds);
    }

    public int targetSamples() {
        return targetSamples;
    }

    public int maxFrames() {
        return maxFrames;
    }

    public int maxActive() {
        return maxActive;
    }

}
