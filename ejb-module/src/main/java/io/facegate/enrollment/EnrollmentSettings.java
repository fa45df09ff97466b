package io.facegate.enrollment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** Enrolled faces' settings ({@code FACEGATE_ENROLLMENT_*} in the environment). */
@ApplicationScoped
public class EnrollmentSettings {

    /** Longest side of the stored profile image. */
    @Inject
    @ConfigProperty(name = "facegate.enrollment.profile-image-max-side", defaultValue = "800")
    int profileImageMaxSide;

    /** How long a presigned profile image URL stays valid. */
    @Inject
    @ConfigProperty(name = "facegate.enrollment.profile-image-url-ttl-seconds", defaultValue = "900")
    int profileImageUrlTtlSeconds;

    public int profileImageMaxSide() {
        return profileImageMaxSide;
    }

    public Duration profileImageUrlTtl() {
        return Duration.ofSeconds(profileImageUrlTtlSeconds);
    }
}
