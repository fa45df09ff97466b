package io.facegate.web.detections;

import io.facegate.domain.clients.ClientUser;
import io.facegate.domain.detections.DetectionEvent;
import io.facegate.domain.detections.DetectionEvent.Box;

import java.time.Instant;
import java.util.UUID;

/**
 * A detection event: seed 002's result fields ({@code confidence}, {@code distance} = 1 - confidence,
 * {@code box}) with the matched person, the camera and time-limited picture URLs.
 */
public record DetectionView(UUID id, String cameraId, String status, UUID clientUserId, String externalUserId, String name,
                            Double confidence, Double distance, Box box, double qualityScore, int candidates, UUID trackId,
                            String faceImageUrl, String snapshotUrl, Instant detectedAt, Instant lastSeenAt, Instant updatedAt) {

    static DetectionView of(DetectionEvent event, ClientUser person, String faceImageUrl, String snapshotUrl) {
        Double confidence = event.getConfidence() == null ? null : Math.round(event.getConfidence() * 10_000) / 10_000.0;
        return new DetectionView(event.getId(), event.getCameraCode(), event.getStatus().name(), event.getClientUserId(),
                person == null ? null : person.getExternalUserId(), person == null ? null : person.getDisplayName(), confidence,
                confidence == null ? null : Math.round((1 - confidence) * 10_000) / 10_000.0, event.getBox(),
                Math.round(event.getQualityScore() * 1000) / 1000.0, event.getCandidates(), event.getTrackId(), faceImageUrl, snapshotUrl,
                event.getDetectedAt(), event.getLastSeenAt(), event.getUpdatedAt());
    }
}
