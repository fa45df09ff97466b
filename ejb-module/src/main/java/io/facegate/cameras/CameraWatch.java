package io.facegate.cameras;

import io.facegate.domain.cameras.CameraStatus;

import java.util.Optional;

/**
 * A camera's online/offline state, debounced: it goes online with the first frame and offline only
 * when no frame arrived for {@code offlineAfter}, not at the first failed read; a poller starting
 * takes over the status last recorded, so a server restart announces nothing by itself.
 */
final class CameraWatch {

    private final long offlineAfterNanos;
    private CameraStatus status;
    private long lastFrameAt;

    CameraWatch(CameraStatus initial, long offlineAfterNanos, long now) {
        this.status = initial;
        this.offlineAfterNanos = offlineAfterNanos;
        this.lastFrameAt = now;
    }

    /** A frame arrived: online if it was not. */
    synchronized Optional<CameraStatus> frame(long now) {
        lastFrameAt = now;
        return change(CameraStatus.ONLINE);
    }

    /** The watchdog's look: offline once the camera has been quiet too long. */
    synchronized Optional<CameraStatus> check(long now) {
        if (now - lastFrameAt < offlineAfterNanos) {
            return Optional.empty();
        }
        return change(CameraStatus.OFFLINE);
    }

    synchronized CameraStatus status() {
        return status;
    }

    private Optional<CameraStatus> change(CameraStatus to) {
        if (status == to) {
            return Optional.empty();
        }
        status = to;
        return Optional.of(to);
    }
}
