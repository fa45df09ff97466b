package io.facegate.cameras;

import io.facegate.detections.Sighted;
import io.facegate.domain.cameras.CameraStatus;
import io.facegate.frames.FrameLane;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One camera this server polls: its poller's frames go to the preview relay, and at the camera's
 * detect_fps to its lane of the frame worker (the newest frame wins); each analysed frame feeds the
 * camera's face tracker, whose decisions become detection events.
 */
final class CameraChannel implements CameraPoller.Listener {

    private static final Logger LOG = Logger.getLogger(CameraChannel.class.getName());

    /** The steps a channel needs from the container's use cases. */
    interface Steps {
        AnalysedFrame analyse(CameraProfile camera, byte[] jpeg);

        void record(Sighted sighted);

        void statusChanged(CameraProfile camera, CameraStatus status, String lastError);
    }

    private final CameraProfile profile;
    private final long version;
    private final CameraPoller poller;
    private final FrameLane lane;
    private final Steps steps;
    private final Ticker ticker;
    private final Clock clock;
    private final FaceTracker tracker;
    private final CameraStats stats;
    private final PreviewRelay relay = new PreviewRelay();
    private final AnalysisPacer pacer;
    private Future<?> task;

    /**
     * @param pollerFor makes the channel's poller, reporting to the channel
     */
    CameraChannel(CameraProfile profile, long version, Function<CameraPoller.Listener, CameraPoller> pollerFor,
                  FrameLane lane, Steps steps, Ticker ticker, Clock clock) {
        this.profile = profile;
        this.version = version;
        this.lane = lane;
        this.steps = steps;
        this.ticker = ticker;
        this.clock = clock;
        this.tracker = new FaceTracker(FaceTracker.Rules.defaults(profile.cooldownSeconds() * 1_000_000_000L));
        this.stats = new CameraStats(ticker.nanoTime());
        this.pacer = new AnalysisPacer(profile.detectFps());
        this.poller = pollerFor.apply(this);
    }

    /** The long-running task that holds the camera's connection. */
    Runnable poller() {
        return poller;
    }

    void started(Future<?> future) {
        this.task = future;
    }

    @Override
    public void frame(CapturedFrame frame) {
        stats.received(clock.instant(), frame.capturedAt());
        relay.publish(frame.jpeg());
        // Frames are offered at detect_fps; one still waiting for a thread is replaced by a newer one (latest wins).
        if (pacer.due(frame.capturedAt())) {
            lane.offer(() -> analyse(frame));
        }
    }

    private void analyse(CapturedFrame frame) {
        try {
            AnalysedFrame analysed = steps.analyse(profile, frame.jpeg());
            stats.analysed(analysed);
            Instant at = clock.instant();
            long latencyMillis = (ticker.nanoTime() - frame.capturedAt()) / 1_000_000;
            for (FaceTracker.Decision decision : tracker.update(frame.capturedAt(), analysed.sightings())) {
                steps.record(new Sighted(decision.eventId(), decision.trackId(), profile.clientId(), profile.cameraId(), profile.code(),
                        decision instanceof FaceTracker.Open open ? open.finding() : ((FaceTracker.Improve) decision).finding(),
                        frame.jpeg(), at, latencyMillis));
            }
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, "camera " + profile.code() + ": a frame could not be analysed or recorded", e);
        }
    }

    @Override
    public void status(CameraStatus status) {
        steps.statusChanged(profile, status, stats.lastErrorCode());
    }

    @Override
    public void failure(CameraFailure failure, String message) {
        stats.failed(failure, message, clock.instant());
    }

    /** The watchdog's look, every second or so. */
    void watch() {
        poller.watch();
    }

    CameraHealth health() {
        return stats.report(profile.cameraId(), poller.status(), poller.bytesReceived(), ticker.nanoTime());
    }

    void stop() {
        poller.stop();
        lane.close();
        relay.close();
        if (task != null) {
            task.cancel(false);
        }
    }

    CameraProfile profile() {
        return profile;
    }

    long version() {
        return version;
    }

    PreviewRelay relay() {
        return relay;
    }

    CameraStatus status() {
        return poller.status();
    }

    CameraStats stats() {
        return stats;
    }
}
