package io.facegate.detections;

import io.facegate.domain.detections.DetectionStatus;

import java.time.Instant;
import java.util.UUID;

/**
 * A camera's detection event was created ({@code firstReport}) or improved by a better view. Fired
 * inside the recording transaction; ids and facts only.
 *
 * @param clientUserId the matched person, null unless {@link DetectionStatus#MATCHED}
 * @param confidence   the best similarity to an enrolled face, null when the face was not recognisable
 */
public record DetectionRecorded(UUID detectionId, UUID clientId, UUID cameraId, String cameraCode, DetectionStatus status,
                                UUID clientUserId, Double confidence, boolean firstReport, Instant detectedAt, Instant recordedAt) {
}
