package io.facegate.web.detections;

import io.facegate.domain.detections.DetectionEvent.Box;
import jakarta.json.bind.annotation.JsonbProperty;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Seed 002's DetectionEvent in its own camelCase (its integrators' Next.js models). */
public record SeedDetectionView(UUID id, @JsonbProperty("cameraId") String cameraId, @JsonbProperty("clientId") UUID clientId,
                                @JsonbProperty("externalUserId") String externalUserId, String name, String status, Double confidence,
                                Double distance, Box box, Instant timestamp, @JsonbProperty("imageUrl") String imageUrl,
                                @JsonbProperty("snapshotUrl") String snapshotUrl, @JsonbProperty("trackId") UUID trackId) {

    static SeedDetectionView of(DetectionView view) {
        return new SeedDetectionView(view.id(), view.cameraId(), view.clientUserId(), view.externalUserId(), view.name(), view.status(),
                view.confidence(), view.distance(), view.box(), view.detectedAt(), view.faceImageUrl(), view.snapshotUrl(), view.trackId());
    }

    /** Seed 002's list shape. */
    public record Listing(boolean success, List<SeedDetectionView> detections, long total) {
    }
}
