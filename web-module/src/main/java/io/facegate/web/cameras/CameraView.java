package io.facegate.web.cameras;

import io.facegate.cameras.CameraRegistry.CameraDescription;
import io.facegate.domain.cameras.Camera;
import io.facegate.domain.cameras.CameraSourceKind;
import io.facegate.domain.cameras.CameraState;
import io.facegate.domain.cameras.CameraStatus;

import java.time.Instant;

/**
 * Seed 004's camera shape ({@code id} is the client's code), plus FaceGate's settings. URLs are
 * shown with the user name and the password masked; the password itself never leaves the server.
 */
public record CameraView(String id, String name, String location, String ipAddress, String rtspUrl, String streamUrl,
                         String snapshotUrl, String sourceKind, String username, boolean hasPassword, String status,
                         Instant lastSeen, String resolution, Double fps, boolean isActive, int detectFps,
                         Double matchThreshold, int minFaceSize, int cooldownSeconds, Instant createdAt, Instant updatedAt) {

    static CameraView of(CameraDescription description) {
        Camera camera = description.camera();
        CameraState state = description.state();
        String stream = camera.maskedStreamUrl();
        return new CameraView(camera.getCode(), camera.getName(), camera.getLocation(), camera.getIpAddress(),
                camera.getSourceKind() == CameraSourceKind.RTSP ? stream : null, stream, camera.maskedSnapshotUrl(),
                camera.getSourceKind().apiName(), camera.getUsername(), camera.getPasswordSealed() != null,
                status(camera, state), state == null ? null : state.getLastFrameAt(), state == null ? null : state.getResolution(),
                state == null || state.getFpsReceived() == null ? null : Math.round(state.getFpsReceived() * 10) / 10.0,
                camera.isActive(), camera.getDetectFps(), camera.getMatchThreshold(), camera.getMinFaceSize(),
                camera.getCooldownSeconds(), camera.getCreatedAt(), camera.getUpdatedAt());
    }

    public static String status(Camera camera, CameraState state) {
        if (!camera.isActive()) {
            return CameraStatus.INACTIVE.apiName();
        }
        return (state == null ? CameraStatus.OFFLINE : state.getStatus()).apiName();
    }
}
