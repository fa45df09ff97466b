package io.facegate.web.cameras;

/**
 * Where a camera streams (credentials masked) and where to watch it through FaceGate instead:
 * the preview relays the frames the server already receives.
 *
 * @param previewUrl  FaceGate's multipart/x-mixed-replace relay of the latest frames (same credentials as this call)
 * @param polledHere  whether this server polls the camera (only then is the preview available from it)
 */
public record CameraStreamView(String cameraId, String sourceKind, String streamUrl, String snapshotUrl, String previewUrl,
                               boolean polledHere) {
}
