package io.facegate.web.security;

import io.facegate.domain.incidents.Incident;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** Seed 004's incident fields ({@code camera_id}, {@code timestamp}) plus what FaceGate keeps with it; {@code image_url} is presigned. */
public record IncidentView(UUID id, String type, String cameraId, Instant timestamp, String description, String severity, String origin,
                           String reportedBy, UUID sessionId, UUID clientUserId, String imageUrl, Instant createdAt) {

    static IncidentView of(Incident incident, String imageUrl) {
        return new IncidentView(incident.getId(), incident.getType().apiName(), incident.getCameraCode(), incident.getOccurredAt(),
                incident.getDescription(), incident.getSeverity().apiName(), incident.getOrigin().name().toLowerCase(Locale.ROOT),
                incident.getReportedBy(), incident.getSessionId(), incident.getClientUserId(), imageUrl, incident.getCreatedAt());
    }
}
