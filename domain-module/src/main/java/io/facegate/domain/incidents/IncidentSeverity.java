package io.facegate.domain.incidents;

import java.util.Locale;

/** How serious an incident is (seed 004: low, medium, high, critical). */
public enum IncidentSeverity {
    LOW, MEDIUM, HIGH, CRITICAL;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
