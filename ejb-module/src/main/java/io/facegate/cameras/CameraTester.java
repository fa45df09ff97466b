package io.facegate.cameras;

import io.facegate.domain.cameras.Camera;
import io.facegate.domain.cameras.CameraStatus;
import io.facegate.egress.EgressPolicy;
import io.facegate.recognition.DecodedImage;
import io.facegate.recognition.FaceEngine;
import io.facegate.system.FaceGateException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;

/**
 * Tries a camera the way its poller would: connect, read frames for a moment, and say what came
 * (resolution, frames per second, time to the first frame) or exactly what went wrong. A camera
 * this server already polls is reported from that connection: an ESP32 serves one stream client,
 * so a second connection would only wait.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CameraTester {

    private static final Duration TEST_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration FIRST_ANALYSIS_POLL = Duration.ofMillis(50);
    private static final int FRAMES = 6;

    @Inject
    CameraRegistry registry;

    @Inject
    CameraSupervisor supervisor;

    @Inject
    EgressPolicy egress;

    @Inject
    FaceEngine engine;

    @Inject
    CameraPollingSettings settings;

    /**
     * @param success      whether a frame was read
     * @param source       {@code connection} (a test connection) or {@code live} (the server's own poller)
     * @param error        the failure's code (dns, refused, timeout, unauthorized, ...), null on success
     * @param latencyMs    time to the first frame (test connection), or since the latest one (live)
     */
    public record CameraTest(boolean success, String source, String resolution, Double fps, Long latencyMs, String error,
                             String message) {
    }

    public CameraTest test(UUID clientId, String code) {
        Camera camera = registry.find(clientId, code).camera();
        CameraSupervisor.LiveCamera live = supervisor.live(camera.getId()).orElse(null);
        if (live != null && live.status() == CameraStatus.ONLINE) {
            live = awaitFirstAnalysis(camera.getId(), live);
            return new CameraTest(true, "live", live.resolution(), null, live.millisSinceLastFrame(), null,
                    "this server polls the camera: frames are arriving");
        }
        CameraSource source = new CameraSource(camera.getSourceKind(), URI.create(camera.getStreamUrl()),
                camera.getSnapshotUrl() == null ? null : URI.create(camera.getSnapshotUrl()), camera.getUsername(),
                registry.password(camera), camera.getDetectFps());
        long started = System.nanoTime();
        try (CameraConnection connection = new CameraConnection(source, egress, TEST_TIMEOUT, TEST_TIMEOUT, settings.maxFrameBytes(),
                Ticker.SYSTEM); CameraFeed feed = connection.openStream()) {
            CapturedFrame first = feed.next();
            long latency = (first.capturedAt() - started) / 1_000_000;
            CapturedFrame last = first;
            long deadline = first.capturedAt() + Duration.ofSeconds(2).toNanos();
            int frames = 1;
            while (frames < FRAMES && last.capturedAt() < deadline) {
                last = feed.next();
                frames++;
            }
            Double fps = frames > 1 ? (frames - 1) / ((last.capturedAt() - first.capturedAt()) / 1e9) : null;
            return new CameraTest(true, "connection", resolution(first.jpeg()), fps == null ? null : Math.round(fps * 10) / 10.0,
                    latency, null, "connected: " + frames + " frames read");
        } catch (IOException e) {
            CameraFailure failure = CameraFailure.of(e);
            return new CameraTest(false, "connection", null, null, null, failure.code(), e.getMessage());
        }
    }

    /**
     * A camera goes online with its first frame and learns its resolution when a frame is analysed,
     * a moment later; a test in between waits for it (briefly) rather than open a second connection.
     */
    private CameraSupervisor.LiveCamera awaitFirstAnalysis(UUID cameraId, CameraSupervisor.LiveCamera live) {
        long deadline = System.nanoTime() + TEST_TIMEOUT.toNanos();
        CameraSupervisor.LiveCamera now = live;
        while (now.resolution() == null && System.nanoTime() < deadline) {
            try {
                Thread.sleep(FIRST_ANALYSIS_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return now;
            }
            now = supervisor.live(cameraId).orElse(now);
        }
        return now;
    }

    private String resolution(byte[] jpeg) {
        try (DecodedImage image = engine.decode("frame", jpeg)) {
            return image.width() + "x" + image.height();
        } catch (FaceGateException e) {
            return null;
        }
    }
}
