package io.facegate.cameras;

import java.time.Instant;
import java.util.UUID;

/**
 * No frame came from a camera for the watchdog's limit ({@code FACEGATE_CAMERAS_OFFLINE_AFTER_SECONDS}).
 *
 * @param lastError the camera's latest failure (a code such as {@code timeout}, {@code unauthorized}), or null
 */
public record CameraWentOffline(UUID clientId, UUID cameraId, String cameraCode, String lastError, Instant at) {
}
