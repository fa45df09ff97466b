package io.facegate.attendance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.ZoneId;

/**
 * The server's attendance defaults ({@code facegate.attendance.*}), for clients that did not set
 * their own: time zone and debounce window.
 */
@ApplicationScoped
public class AttendanceConfiguration {

    @Inject
    @ConfigProperty(name = "facegate.attendance.time-zone", defaultValue = "UTC")
    String timeZone;

    @Inject
    @ConfigProperty(name = "facegate.attendance.debounce-seconds", defaultValue = "3600")
    int debounceSeconds;

    public AttendancePolicy defaults() {
        return new AttendancePolicy(ZoneId.of(timeZone), Duration.ofSeconds(debounceSeconds), null);
    }
}
