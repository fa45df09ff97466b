package io.facegate.web.cameras;

import io.facegate.cameras.CameraDefinition;
import io.facegate.domain.cameras.Camera;
import io.facegate.domain.cameras.CameraSettings;
import io.facegate.system.FaceGateException;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Seed 004's camera body plus FaceGate's settings. Every field is optional here: which ones a
 * creation needs is the use case's rule. {@code rtsp_url} (the seed's name) and {@code stream_url}
 * are the same field; the URL may carry credentials, which are moved out of it.
 */
public record CameraRequest(
        @Pattern(regexp = Camera.CODE_PATTERN, message = "must be 1 to 64 letters, digits, '-', '_' or '.' (e.g. CAM001)") String id,
        @Size(max = CameraSettings.MAX_NAME_LENGTH) String name,
        @Size(max = CameraSettings.MAX_LOCATION_LENGTH) String location,
        @Size(max = 100) String ipAddress,
        @Size(max = CameraSettings.MAX_URL_LENGTH) String rtspUrl,
        @Size(max = CameraSettings.MAX_URL_LENGTH) String streamUrl,
        @Size(max = CameraSettings.MAX_URL_LENGTH) String snapshotUrl,
        @Pattern(regexp = "(?i)mjpeg|snapshot|rtsp", message = "must be mjpeg, snapshot or rtsp") String sourceKind,
        @Size(max = 200) String username,
        @Size(max = 500) String password,
        Boolean isActive,
        @Min(CameraSettings.MIN_DETECT_FPS) @Max(CameraSettings.MAX_DETECT_FPS) Integer detectFps,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false) Double matchThreshold,
        @Min(CameraSettings.MIN_FACE_SIZE) @Max(CameraSettings.MAX_FACE_SIZE) Integer minFaceSize,
        @Min(0) @Max(CameraSettings.MAX_COOLDOWN_SECONDS) Integer cooldownSeconds) {

    CameraDefinition definition() {
        if (rtspUrl != null && streamUrl != null && !rtspUrl.strip().equals(streamUrl.strip())) {
            throw FaceGateException.invalid("conflicting_urls", "rtsp_url and stream_url name the same field; send one of them");
        }
        return new CameraDefinition(id, name, location, ipAddress, streamUrl != null ? streamUrl : rtspUrl, snapshotUrl,
                sourceKind, username, password, isActive, detectFps, matchThreshold, minFaceSize, cooldownSeconds);
    }
}
