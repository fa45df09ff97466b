package io.facegate.web.detections;

import io.facegate.domain.detections.DetectionEvent.Box;
import jakarta.json.bind.annotation.JsonbProperty;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Seed 002's DetectionEvent in its own camelCase (its integrators' Next.js models). The renamed
 * properties say {@code nillable = true}: Yasson leaves out a null property that {@code
 * @JsonbProperty} names otherwise (an unmatched face's {@code clientId}), and the shape must stay stable.
 */
public record SeedDetectionView(UUID id, @JsonbProperty(value = "cameraId", nillable = true) String cameraId,
                                @JsonbProperty(value = "clientId", nillable = true) UUID clientId,
                                @JsonbProperty(value = "externalUserId", nillable = true) String externalUserId, String name, String status,
                                Double confidence, Double distance, Box box, Instant timestamp,
                                @JsonbProperty(value = "imageUrl", nillable = true) String imageUrl,
                                @JsonbProperty(value = "snapshotUrl", nillable = true) String snapshotUrl,
                                @JsonbProperty(value = "trackId", nillable = true) UUID trackId) {

    static SeedDetectionView of(DetectionView view) {
        return new SeedDetectionView(view.id(), view.cameraId(), view.clientUserId(), view.externalUserId(), view.name(), view.status(),
                view.confidence(), view.distance(), view.box(), view.detectedAt(), view.faceImageUrl(), view.snapshotUrl(), view.trackId());
    }

    /** Seed 002's list shape. */
    public record Listing(boolean success, List<SeedDetectionView> detections, long total) {
    }
}
