package io.facegate.ratelimits;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.EnumMap;
import java.util.Map;

/**
 * The server's default limits per category ({@code facegate.rate-limits.<category>}, requests per
 * the category's window); the operator may set other limits per client.
 */
@ApplicationScoped
public class RateLimitSettings {

    @Inject
    @ConfigProperty(name = "facegate.rate-limits.authentication", defaultValue = "5")
    int authentication;

    @Inject
    @ConfigProperty(name = "facegate.rate-limits.face-verification", defaultValue = "100")
    int faceVerification;

    @Inject
    @ConfigProperty(name = "facegate.rate-limits.reports", defaultValue = "10")
    int reports;

    @Inject
    @ConfigProperty(name = "facegate.rate-limits.general", defaultValue = "1000")
    int general;

    public Map<RateCategory, Integer> defaults() {
        Map<RateCategory, Integer> limits = new EnumMap<>(RateCategory.class);
        limits.put(RateCategory.AUTHENTICATION, authentication);
        limits.put(RateCategory.FACE_VERIFICATION, faceVerification);
        limits.put(RateCategory.REPORTS, reports);
        limits.put(RateCategory.GENERAL, general);
        return limits;
    }
}
