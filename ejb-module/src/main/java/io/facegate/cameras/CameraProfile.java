package io.facegate.cameras;

import io.facegate.domain.cameras.Camera;

import java.util.UUID;

/**
 * What deciding a camera's faces needs to know about it, read once when its poller starts.
 *
 * @param matchThreshold the camera's own threshold, or null for the server's
 */
public record CameraProfile(UUID cameraId, UUID clientId, String code, int detectFps, Double matchThreshold, int minFaceSize,
                            int cooldownSeconds) {

    static CameraProfile of(Camera camera) {
        return new CameraProfile(camera.getId(), camera.getClientId(), camera.getCode(), camera.getDetectFps(),
                camera.getMatchThreshold(), camera.getMinFaceSize(), camera.getCooldownSeconds());
    }
}
