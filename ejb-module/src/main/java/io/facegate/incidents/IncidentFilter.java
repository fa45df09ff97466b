package io.facegate.incidents;

import io.facegate.domain.incidents.IncidentSeverity;
import io.facegate.domain.incidents.IncidentType;

import java.time.Instant;

/** Filters of the incident listing; null fields do not filter. */
public record IncidentFilter(IncidentType type, IncidentSeverity severity, Instant from) {
}
