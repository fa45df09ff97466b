package io.facegate.cameras;

import java.time.Instant;
import java.util.UUID;

/** Frames arrive from a camera again (debounced: see the poller's watchdog). */
public record CameraWentOnline(UUID clientId, UUID cameraId, String cameraCode, Instant at) {
}
