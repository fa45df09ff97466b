package io.facegate.web.cameras;

import io.facegate.cameras.CameraDefinition;
import io.facegate.system.FaceGateException;

/**
 * Seed 004's camera body plus FaceGate's settings. Every field is optional here: which ones a
 * creation needs, and their ranges, are the use case's and the camera's rules (a 400 naming the
 * field). {@code rtsp_url} (the seed's name) and {@code stream_url} are the same field; the URL may
 * carry credentials, which are moved out of it.
 */
public record CameraRequest(String id, String name, String location, String ipAddress, String rtspUrl, String streamUrl,
                            String snapshotUrl, String sourceKind, String username, String password, Boolean isActive,
                            Integer detectFps, Double matchThreshold, Integer minFaceSize, Integer cooldownSeconds) {

    CameraDefinition definition() {
        if (rtspUrl != null && streamUrl != null && !rtspUrl.strip().equals(streamUrl.strip())) {
            throw FaceGateException.invalid("conflicting_urls", "rtsp_url and stream_url name the same field; send one of them");
        }
        return new CameraDefinition(id, name, location, ipAddress, streamUrl != null ? streamUrl : rtspUrl, snapshotUrl,
                sourceKind, username, password, isActive, detectFps, matchThreshold, minFaceSize, cooldownSeconds);
    }
}
