package io.facegate.cameras;

import io.facegate.domain.cameras.CameraStatus;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.EnumSet;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * One camera's connection, held by one long-running task: reads frames and hands each to the
 * listener; when a read fails, reconnects after a backoff; when an MJPEG stream stays busy (an
 * ESP32 streams to one client at a time), polls the camera's snapshot URL instead and tries the
 * stream again now and then. The watchdog ({@link #watch}, called from outside every second or
 * so) declares the camera offline after a quiet spell and restarts a connection that stalled.
 */
final class CameraPoller implements Runnable {

    /** What the poller reports. Called on the poller's thread, except {@link #status} also from the watchdog's. */
    interface Listener {
        void frame(CapturedFrame frame);

        void status(CameraStatus status);

        void failure(CameraFailure failure, String message);
    }

    /** Failures that, on an MJPEG stream with no frame yet, mean "someone else is watching". */
    private static final Set<CameraFailure> BUSY = EnumSet.of(CameraFailure.TIMEOUT, CameraFailure.REFUSED, CameraFailure.HTTP_ERROR);

    private final FeedOpener connection;
    private final PollingTimings timings;
    private final Ticker ticker;
    private final Listener listener;
    private final ReconnectBackoff backoff;
    private final CameraWatch watch;

    private volatile boolean stopped;
    private Thread thread;
    private volatile CameraFeed current;
    private volatile boolean closedByWatchdog;
    /** When the current connection last showed life: opened, or its latest frame. */
    private volatile long lastActivity;
    private volatile boolean onSnapshots;
    private long streamRetryAt;
    private int busyStreak;
    private volatile long bytesOfClosedFeeds;

    CameraPoller(FeedOpener connection, CameraStatus lastStatus, PollingTimings timings, Ticker ticker,
                 RandomGenerator random, Listener listener) {
        this.connection = connection;
        this.timings = timings;
        this.ticker = ticker;
        this.listener = listener;
        this.backoff = new ReconnectBackoff(timings.backoffMin(), timings.backoffMax(), random);
        this.watch = new CameraWatch(lastStatus, timings.offlineAfter().toNanos(), ticker.nanoTime());
    }

    @Override
    public void run() {
        synchronized (this) {
            thread = Thread.currentThread();
        }
        try {
            while (!stopped) {
                if (!readUntilSwitch() && !stopped) {
                    pause(backoff.nextDelayNanos());
                }
            }
        } finally {
            connection.close();
            synchronized (this) {
                thread = null;
                Thread.interrupted(); // a stop's interrupt must not outlive this task on a pooled thread
            }
        }
    }

    /**
     * Reads one connection's frames until it fails (false) or until the snapshot fallback's time
     * to try the stream again (true: switch at once).
     */
    private boolean readUntilSwitch() {
        boolean fallback = chooseFallback();
        long framesFromThisFeed = 0;
        long stableSince = 0;
        CameraFeed feed = null;
        try {
            feed = fallback ? connection.openSnapshotFallback() : connection.openStream();
            lastActivity = ticker.nanoTime();
            current = feed;
            closedByWatchdog = false;
            if (stopped) {
                return true;
            }
            while (!stopped) {
                CapturedFrame frame = feed.next();
                if (framesFromThisFeed++ == 0) {
                    stableSince = frame.capturedAt();
                    busyStreak = fallback ? busyStreak : 0;
                }
                if (frame.capturedAt() - stableSince >= timings.stableAfter().toNanos()) {
                    backoff.reset();
                }
                lastActivity = frame.capturedAt();
                watch.frame(frame.capturedAt()).ifPresent(listener::status);
                listener.frame(frame);
                if (fallback && frame.capturedAt() >= streamRetryAt) {
                    return true; // time to see whether the stream is free again
                }
            }
            return true;
        } catch (IOException e) {
            if (stopped) {
                return true;
            }
            if (closedByWatchdog) {
                listener.failure(CameraFailure.TIMEOUT, "no frame for " + timings.offlineAfter().toSeconds() + " s: reconnecting");
            } else {
                listener.failure(CameraFailure.of(e), e.getMessage() == null ? e.toString() : e.getMessage());
            }
            if (!fallback && framesFromThisFeed == 0 && connection.hasSnapshotFallback() && BUSY.contains(CameraFailure.of(e))) {
                busyStreak++;
            }
            return false;
        } finally {
            current = null;
            if (feed != null) {
                bytesOfClosedFeeds += feed.bytesReceived();
                feed.close();
            }
        }
    }

    /** Whether this connection reads snapshots instead of the stream (which stayed busy). */
    private boolean chooseFallback() {
        long now = ticker.nanoTime();
        if (onSnapshots && now >= streamRetryAt) {
            onSnapshots = false; // one attempt at the stream; busyStreak is still at the limit
        } else if (!onSnapshots && busyStreak >= timings.busyFailures() && connection.hasSnapshotFallback()) {
            onSnapshots = true;
            streamRetryAt = now + timings.busyRetry().toNanos();
            backoff.reset();
        }
        return onSnapshots;
    }

    /** The watchdog: offline after a quiet spell, and a stalled connection is closed so that the poller reconnects. */
    void watch() {
        long now = ticker.nanoTime();
        watch.check(now).ifPresent(listener::status);
        CameraFeed feed = current;
        if (feed != null && now - lastActivity >= timings.offlineAfter().toNanos()) {
            closedByWatchdog = true;
            feed.close();
        }
    }

    CameraStatus status() {
        return watch.status();
    }

    /** Whether it reads the snapshot URL because the stream is busy. */
    boolean onSnapshotFallback() {
        return onSnapshots;
    }

    /** Bytes received from the camera since the poller started. */
    long bytesReceived() {
        CameraFeed feed = current;
        return bytesOfClosedFeeds + (feed == null ? 0 : feed.bytesReceived());
    }

    /** Ends the task: closes the connection (ending a blocked read) and wakes a waiting poller. */
    void stop() {
        stopped = true;
        CameraFeed feed = current;
        if (feed != null) {
            feed.close();
        }
        synchronized (this) {
            if (thread != null) {
                thread.interrupt();
            }
        }
    }

    private void pause(long nanos) {
        try {
            ticker.sleep(nanos);
        } catch (InterruptedIOException e) {
            // stopped
        }
    }
}
