package io.facegate.cameras;

import io.facegate.domain.cameras.CameraStatus;

import java.time.Instant;
import java.util.UUID;

/** What the polling server reports about one camera every few seconds (written to {@code camera_state}). */
public record CameraHealth(UUID cameraId, CameraStatus status, Instant lastFrameAt, String resolution, double fpsReceived,
                    double fpsAnalysed, long newFramesSkipped, double bandwidthBps, Double qualityScore, long newErrors,
                    String lastError, Instant lastErrorAt) {
}
