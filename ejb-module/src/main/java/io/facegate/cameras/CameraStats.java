package io.facegate.cameras;

import io.facegate.domain.cameras.CameraStatus;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One polled camera's figures: frames received and analysed, bytes, failures, the latest frame's
 * size and faces' quality. Written by the poller and the analysing thread, read by the health report.
 */
final class CameraStats {

    private final AtomicLong received = new AtomicLong();
    private final AtomicLong analysed = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private volatile Instant lastFrameAt;
    private volatile long lastFrameNanos;
    private volatile String resolution;
    private volatile Double quality;
    private volatile String lastError;
    private volatile String lastErrorCode;
    private volatile Instant lastErrorAt;

    private long reportedReceived;
    private long reportedAnalysed;
    private long reportedErrors;
    private long reportedBytes;
    private long reportedAt;
    private Instant reportedErrorAt;

    CameraStats(long now) {
        this.reportedAt = now;
    }

    void received(Instant at, long nanos) {
        received.incrementAndGet();
        lastFrameAt = at;
        lastFrameNanos = nanos;
    }

    void analysed(AnalysedFrame frame) {
        analysed.incrementAndGet();
        resolution = frame.width() + "x" + frame.height();
        Double mean = frame.meanQuality();
        if (mean != null) {
            Double previous = quality;
            quality = previous == null ? mean : 0.8 * previous + 0.2 * mean;
        }
    }

    void failed(CameraFailure failure, String message, Instant at) {
        errors.incrementAndGet();
        lastErrorCode = failure.code();
        lastError = failure.code() + ": " + (message.length() > 400 ? message.substring(0, 400) : message);
        lastErrorAt = at;
    }

    String lastErrorCode() {
        return lastErrorCode;
    }

    long lastFrameNanos() {
        return lastFrameNanos;
    }

    String resolution() {
        return resolution;
    }

    /** The figures since the previous report, as rates; called by one thread. */
    synchronized CameraHealth report(UUID cameraId, CameraStatus status, long bytesReceived, long now) {
        double seconds = Math.max(1e-3, (now - reportedAt) / 1e9);
        long receivedNow = received.get();
        long analysedNow = analysed.get();
        long errorsNow = errors.get();
        long newReceived = receivedNow - reportedReceived;
        long newAnalysed = analysedNow - reportedAnalysed;
        Instant errorAt = lastErrorAt;
        CameraHealth health = new CameraHealth(cameraId, status, lastFrameAt, resolution, newReceived / seconds, newAnalysed / seconds,
                Math.max(0, newReceived - newAnalysed), (bytesReceived - reportedBytes) * 8 / seconds, quality,
                errorsNow - reportedErrors, errorAt != reportedErrorAt ? lastError : null, errorAt != reportedErrorAt ? errorAt : null);
        reportedReceived = receivedNow;
        reportedAnalysed = analysedNow;
        reportedErrors = errorsNow;
        reportedBytes = bytesReceived;
        reportedAt = now;
        reportedErrorAt = errorAt;
        return health;
    }
}
