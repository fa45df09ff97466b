package io.facegate.liveness;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The server-wide liveness policy from MicroProfile Config; sessions narrow it with their own metadata. */
@ApplicationScoped
public class LivenessConfiguration {

    @Inject
    @ConfigProperty(name = "facegate.liveness.required-blinks", defaultValue = "" + LivenessPolicy.DEFAULT_REQUIRED_BLINKS)
    int requiredBlinks;
    @Inject
    @ConfigProperty(name = "facegate.liveness.min-frames", defaultValue = "" + LivenessPolicy.DEFAULT_MIN_FRAMES)
    int minFrames;
    @Inject
    @ConfigProperty(name = "facegate.liveness.min-motion", defaultValue = "" + LivenessPolicy.DEFAULT_MIN_MOTION)
    double minMotion;
    @Inject
    @ConfigProperty(name = "facegate.liveness.anti-spoof-threshold", defaultValue = "" + LivenessPolicy.DEFAULT_ANTI_SPOOF_THRESHOLD)
    double antiSpoofThreshold;
    @Inject
    @ConfigProperty(name = "facegate.liveness.anti-spoof-required", defaultValue = "" + LivenessPolicy.DEFAULT_ANTI_SPOOF_REQUIRED)
    boolean antiSpoofRequired;

    private LivenessPolicy policy;

    /** An out-of-range setting is refused (IllegalArgumentException on first use) rather than used. */
    @PostConstruct
    void load() {
        policy = new LivenessPolicy(requiredBlinks, minFrames, minMotion, antiSpoofThreshold, antiSpoofRequired);
    }

    public LivenessPolicy policy() {
        return policy;
    }
}
