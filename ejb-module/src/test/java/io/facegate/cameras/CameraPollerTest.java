package io.facegate.cameras;

import io.facegate.domain.cameras.CameraStatus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;

import static io.facegate.cameras.FakeTicker.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The poller's reactions over (fake) time: backoff, watchdog, busy-stream fallback, stop. */
class CameraPollerTest {

    private static final PollingTimings TIMINGS = new PollingTimings(Duration.ofSeconds(20), Duration.ofSeconds(1),
            Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(60), 2);

    private final FakeTicker ticker = new FakeTicker();
    private final List<String> events = new ArrayList<>();
    private final Deque<Script> streams = new ArrayDeque<>();
    private final Deque<Script> snapshots = new ArrayDeque<>();
    private boolean snapshotFallback;
    private CameraPoller poller;

    /** What one opened feed does. */
    private interface Script {
        CameraFeed open() throws IOException;
    }

    @Test
    void reconnectsWithExponentialBackoffAndJitterUpToAMinute() {
        for (int i = 0; i < 12; i++) {
            streams.add(refused());
        }
        poller = poller(CameraStatus.OFFLINE);
        ticker.onSleep = () -> {
            if (streams.isEmpty()) {
                poller.stop();
            }
        };
        poller.run();
        long[] steps = {1, 2, 4, 8, 16, 32, 60, 60, 60, 60, 60, 60};
        assertEquals(steps.length, ticker.sleeps.size(), ticker.sleeps::toString);
        for (int i = 0; i < steps.length; i++) {
            long sleep = ticker.sleeps.get(i);
            assertTrue(sleep >= seconds(steps[i]) / 2 && sleep <= seconds(steps[i]), "attempt " + i + ": " + sleep);
        }
        assertEquals(12, events.stream().filter(e -> e.equals("failure refused")).count());
        assertEquals(CameraStatus.OFFLINE, poller.status());
    }

    @Test
    void theBackoffResetsOnceAConnectionWasStableNotAtEveryConnect() {
        for (int i = 0; i < 5; i++) {
            streams.add(refused());
        }
        streams.add(frames(2, 0.1)); // connects, drops at once: still unstable
        streams.add(refused());
        streams.add(frames(400, 0.1)); // 40 s of frames: stable
        streams.add(refused());
        poller = poller(CameraStatus.OFFLINE);
        ticker.onSleep = () -> {
            if (streams.isEmpty()) {
                poller.stop();
            }
        };
        poller.run();
        List<Long> sleeps = ticker.sleeps;
        assertEquals(9, sleeps.size(), sleeps::toString);
        assertTrue(sleeps.get(5) >= seconds(16) && sleeps.get(6) >= seconds(30),
                "after an unstable connection the backoff keeps growing: " + sleeps);
        assertTrue(sleeps.get(7) <= seconds(1), "after a stable one it starts over: " + sleeps);
    }

    @Test
    void theWatchdogDeclaresAQuietCameraOfflineAfter20SecondsAndRestartsTheConnection() {
        streams.add(() -> new ScriptedFeed(50, 0.1) {
            @Override
            CapturedFrame afterFrames() throws IOException {
                // stalled: the connection stays open, nothing arrives; the watchdog looks every second
                while (!closed) {
                    ticker.advance(seconds(1));
                    long quiet = ticker.nanoTime() - lastFrameAt;
                    poller.watch();
                    events.add("watch " + (quiet / 1_000_000_000L) + " " + poller.status().apiName());
                }
                throw new IOException("Socket closed");
            }
        });
        poller = poller(CameraStatus.OFFLINE);
        ticker.onSleep = poller::stop;
        poller.run();
        assertEquals(List.of("open stream", "status online"), events.subList(0, 2));
        assertTrue(events.contains("watch 19 online"), events::toString);
        assertTrue(events.contains("watch 20 offline"), events::toString);
        assertEquals(1, events.stream().filter(e -> e.equals("status offline")).count(), "announced once");
        assertTrue(events.contains("failure timeout no frame for 20 s: reconnecting"), events::toString);
    }

    @Test
    void aRestartedPollerKeepsTheLastStatusAndAnnouncesOnlyChanges() {
        streams.add(frames(10, 0.1));
        poller = poller(CameraStatus.ONLINE);
        ticker.onSleep = poller::stop;
        poller.run();
        assertTrue(events.stream().noneMatch(e -> e.startsWith("status")), "it was online and still is: " + events);

        events.clear();
        poller = poller(CameraStatus.ONLINE);
        ticker.advance(seconds(21));
        poller.watch();
        assertEquals(List.of("status offline"), events, "online at the last server's stop, silent ever since");
    }

    @Test
    void aBusyEsp32StreamFallsBackToSnapshotsAndIsTriedAgainLater() {
        snapshotFallback = true;
        streams.add(() -> {
            throw new SocketTimeoutException("Read timed out");
        });
        streams.add(() -> {
            throw new SocketTimeoutException("Read timed out");
        });
        snapshots.add(frames(400, 0.2)); // snapshots at 5 fps, for longer than the minute before the stream is tried again
        snapshots.add(frames(400, 0.2));
        streams.add(() -> {
            throw new SocketTimeoutException("Read timed out");
        });
        streams.add(frames(5, 0.1)); // free at last
        poller = poller(CameraStatus.OFFLINE);
        ticker.onSleep = () -> {
            if (streams.isEmpty() && snapshots.isEmpty() && events.get(events.size() - 1).startsWith("failure stream_ended")) {
                poller.stop();
            }
        };
        poller.run();
        List<String> opened = events.stream().filter(e -> e.startsWith("open")).toList();
        assertEquals(List.of("open stream", "open stream", "open snapshot", "open stream", "open snapshot", "open stream"), opened,
                events::toString);
        long snapshotFrames = events.stream().filter(e -> e.equals("frame snapshot")).count();
        assertTrue(snapshotFrames >= 590 && snapshotFrames <= 610, "60 s of snapshots before the stream is tried again, twice: " + snapshotFrames);
        assertEquals(5, events.stream().filter(e -> e.equals("frame stream")).count());
    }

    @Test
    void stopEndsAWaitingPoller() throws Exception {
        streams.add(refused());
        // a real clock and a long first backoff: stop must end the wait at once
        CameraPoller running = new CameraPoller(new ScriptedOpener(), CameraStatus.OFFLINE,
                new PollingTimings(Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(30),
                        Duration.ofSeconds(60), 2), Ticker.SYSTEM, new Random(1), listener());
        Thread thread = new Thread(running);
        thread.start();
        while (true) {
            synchronized (events) {
                if (events.stream().anyMatch(e -> e.startsWith("failure"))) {
                    break;
                }
            }
            Thread.sleep(5);
        }
        long stopping = System.nanoTime();
        running.stop();
        thread.join(5000);
        assertTrue(!thread.isAlive() && System.nanoTime() - stopping < seconds(2), "stopped within 2 s of a 15-30 s backoff");
    }

    private CameraPoller poller(CameraStatus last) {
        return new CameraPoller(new ScriptedOpener(), last, TIMINGS, ticker, new Random(42), listener());
    }

    private CameraPoller.Listener listener() {
        return new CameraPoller.Listener() {
            @Override
            public void frame(CapturedFrame frame) {
                synchronized (events) {
                    events.add("frame " + new String(frame.jpeg()));
                }
            }

            @Override
            public void status(CameraStatus status) {
                synchronized (events) {
                    events.add("status " + status.apiName());
                }
            }

            @Override
            public void failure(CameraFailure failure, String message) {
                synchronized (events) {
                    events.add("failure " + failure.code() + (failure == CameraFailure.TIMEOUT ? " " + message : ""));
                }
            }
        };
    }

    private static Script refused() {
        return () -> {
            throw new ConnectException("Connection refused");
        };
    }

    /** A feed of {@code count} frames {@code interval} seconds apart, then the end of the stream. */
    private Script frames(int count, double interval) {
        return () -> new ScriptedFeed(count, interval);
    }

    private class ScriptedOpener implements FeedOpener {
        @Override
        public CameraFeed openStream() throws IOException {
            synchronized (events) {
                events.add("open stream");
            }
            return next(streams, "stream");
        }

        @Override
        public boolean hasSnapshotFallback() {
            return snapshotFallback;
        }

        @Override
        public CameraFeed openSnapshotFallback() throws IOException {
            synchronized (events) {
                events.add("open snapshot");
            }
            return next(snapshots, "snapshot");
        }

        private CameraFeed next(Deque<Script> scripts, String kind) throws IOException {
            Script script = scripts.poll();
            if (script == null) {
                throw new ConnectException("Connection refused");
            }
            CameraFeed feed = script.open();
            if (feed instanceof ScriptedFeed scripted) {
                scripted.kind = kind;
            }
            return feed;
        }

        @Override
        public void close() {
        }
    }

    private class ScriptedFeed implements CameraFeed {
        private final int count;
        private final long interval;
        private int sent;
        String kind = "stream";
        volatile boolean closed;
        long lastFrameAt;

        ScriptedFeed(int count, double interval) {
            this.count = count;
            this.interval = seconds(interval);
        }

        @Override
        public CapturedFrame next() throws IOException {
            if (closed) {
                throw new IOException("closed");
            }
            if (sent == count) {
                return afterFrames();
            }
            if (sent++ > 0) {
                ticker.advance(interval);
            }
            lastFrameAt = ticker.nanoTime();
            return new CapturedFrame(kind.getBytes(), lastFrameAt);
        }

        CapturedFrame afterFrames() throws IOException {
            throw new CameraException(CameraFailure.STREAM_ENDED, "the camera closed the stream");
        }

        @Override
        public long bytesReceived() {
            return sent;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
