package io.facegate.incidents;

import io.facegate.domain.incidents.IncidentSeverity;
import io.facegate.domain.incidents.IncidentType;

import java.time.Instant;

/**
 * A reported incident as the use case takes it.
 *
 * @param cameraCode the client's camera id, or null
 * @param occurredAt when it happened, or null for now
 * @param image      a {@code data:image/...;base64,} URL or plain base64, or null
 */
public record IncidentReport(IncidentType type, String cameraCode, Instant occurredAt, String description, IncidentSeverity severity,
                             String image) {
}
