package io.facegate.authentication;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * How people's logins back off after wrong passwords ({@code facegate.people.*}): from the
 * {@code max-failed-logins}th failure in a row, logins pause for {@code lockout-seconds}, doubled
 * per further failure up to {@code max-lockout-seconds}.
 */
@ApplicationScoped
public class PersonLoginSettings {

    @Inject
    @ConfigProperty(name = "facegate.people.max-failed-logins", defaultValue = "5")
    int maxFailedLogins;

    @Inject
    @ConfigProperty(name = "facegate.people.lockout-seconds", defaultValue = "60")
    long lockoutSeconds;

    @Inject
    @ConfigProperty(name = "facegate.people.max-lockout-seconds", defaultValue = "3600")
    long maxLockoutSeconds;

    public int maxFailedLogins() {
        return maxFailedLogins;
    }

    public Duration firstLockout() {
        return Duration.ofSeconds(lockoutSeconds);
    }

    public Duration longestLockout() {
        return Duration.ofSeconds(maxLockoutSeconds);
    }
}
