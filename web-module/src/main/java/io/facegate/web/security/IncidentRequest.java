package io.facegate.web.security;

import io.facegate.domain.incidents.Incident;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * Seed 004's {@code POST /security/report-incident/} body: {@code type} and {@code severity} are
 * checked against their lists by the resource (a 400 naming the list), {@code image} is a
 * {@code data:image/...;base64,} URL or plain base64.
 */
public record IncidentRequest(@NotBlank @Size(max = 30) String type, @Size(max = 100) String cameraId, Instant timestamp,
                              @NotBlank @Size(max = Incident.MAX_DESCRIPTION_LENGTH) String description, @NotBlank @Size(max = 10) String severity,
                              String image) {
    /** Declared, so that the constraints stay on the fields (see {@link io.facegate.web.http.JsonConfiguration}). */
    public IncidentRequest(String type, String cameraId, Instant timestamp, String description, String severity, String image) {
        this.type = type;
        this.cameraId = cameraId;
        this.timestamp = timestamp;
        this.description = description;
        this.severity = severity;
        this.image = image;
    }
}
