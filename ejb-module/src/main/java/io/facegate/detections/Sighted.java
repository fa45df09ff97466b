package io.facegate.detections;

import io.facegate.domain.detections.DetectionEvent.Finding;

import java.time.Instant;
import java.util.UUID;

/**
 * A view of a tracked face worth recording: the first one of its event, or a better one.
 *
 * @param frameJpeg     the whole frame, as the camera sent it
 * @param latencyMillis from the frame's arrival to this view's analysis (queue wait and inference)
 */
public record Sighted(UUID eventId, UUID trackId, UUID clientId, UUID cameraId, String cameraCode, Finding finding, byte[] frameJpeg,
                      Instant at, long latencyMillis) {
}
