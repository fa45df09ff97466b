package io.facegate.detections;

import io.facegate.domain.detections.DetectionStatus;

import java.time.Instant;
import java.util.UUID;

/** Which detection events to list; every field optional. */
public record DetectionFilter(String cameraCode, UUID clientUserId, DetectionStatus status, Instant from, Instant to) {
}
