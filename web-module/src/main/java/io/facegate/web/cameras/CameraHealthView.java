package io.facegate.web.cameras;

import io.facegate.cameras.CameraRegistry.CameraDescription;
import io.facegate.domain.cameras.CameraState;
import io.facegate.domain.cameras.CameraStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Seed 004's camera health ({@code status}, {@code uptime}, {@code last_frame}, {@code quality_score},
 * {@code bandwidth_usage}, {@code error_count}) plus the polling server's frame rates and last error.
 * Human-readable values have a number beside them.
 */
public record CameraHealthView(String cameraId, String status, String uptime, Long uptimeSeconds, Instant lastFrame,
                               Double qualityScore, String bandwidthUsage, Double bandwidthBps, long errorCount, String resolution,
                               Double fpsReceived, Double fpsAnalysed, long framesSkipped, String lastError, Instant lastErrorAt,
                               String polledBy, Instant updatedAt) {

    static CameraHealthView of(CameraDescription description, Instant now) {
        CameraState state = description.state();
        String status = CameraView.status(description.camera(), state);
        Long uptime = state != null && CameraStatus.ONLINE.apiName().equals(status)
                ? Duration.between(state.getStatusSince(), now).toSeconds() : null;
        return new CameraHealthView(description.camera().getCode(), status, uptime == null ? null : human(uptime), uptime,
                state == null ? null : state.getLastFrameAt(), state == null ? null : round(state.getQualityScore(), 100),
                state == null || state.getBandwidthBps() == null ? null
                        : String.format(Locale.ROOT, "%.1f Mbps", state.getBandwidthBps() / 1e6),
                state == null ? null : round(state.getBandwidthBps(), 1), state == null ? 0 : state.getErrorCount(),
                state == null ? null : state.getResolution(), state == null ? null : round(state.getFpsReceived(), 10),
                state == null ? null : round(state.getFpsAnalysed(), 10), state == null ? 0 : state.getFramesSkipped(),
                state == null ? null : state.getLastError(), state == null ? null : state.getLastErrorAt(),
                state == null ? null : state.getLeaseHolder(), state == null ? null : state.getUpdatedAt());
    }

    private static String human(long seconds) {
        if (seconds < 120) {
            return seconds + " seconds";
        }
        if (seconds < 7200) {
            return seconds / 60 + " minutes";
        }
        return seconds / 3600 + " hours";
    }

    private static Double round(Double value, int scale) {
        return value == null ? null : Math.round(value * scale) / (double) scale;
    }
}
