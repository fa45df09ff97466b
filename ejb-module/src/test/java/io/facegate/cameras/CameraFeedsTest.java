package io.facegate.cameras;

import io.facegate.domain.cameras.CameraSourceKind;
import io.facegate.domain.cameras.CameraStatus;
import io.facegate.egress.EgressPolicy;
import io.facegate.egress.EgressSettings;
import io.facegate.egress.EgressTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The feeds against real servers on loopback: the ESP32 emulator and a GStreamer RTSP server. */
class CameraFeedsTest {

    private static final List<byte[]> BLINK = Esp32Emulator.framesOf(CameraClips.multipart(CameraClips.BLINK));
    private static final EgressPolicy LOOPBACK_ALLOWED = new EgressPolicy(
            new EgressSettings(Map.of(EgressTarget.CAMERA, "private,public,loopback")), InetAddress::getAllByName);

    private Esp32Emulator camera;
    private final List<CameraConnection> connections = new ArrayList<>();

    @BeforeEach
    void startCamera() throws IOException {
        camera = new Esp32Emulator(BLINK);
    }

    @AfterEach
    void stopCamera() {
        connections.forEach(CameraConnection::close);
        camera.close();
    }

    @Test
    void readsTheEsp32StreamFrameByFrameAt10Fps() throws IOException {
        try (CameraFeed feed = connect(mjpeg(camera.streamUrl(), null, null)).openStream()) {
            List<CapturedFrame> frames = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                frames.add(feed.next());
            }
            int first = indexOf(frames.get(0).jpeg());
            for (int i = 0; i < frames.size(); i++) {
                assertArrayEquals(BLINK.get((first + i) % BLINK.size()), frames.get(i).jpeg(), "frame " + i + " in order, none lost");
            }
            double seconds = (frames.get(11).capturedAt() - frames.get(1).capturedAt()) / 1e9;
            assertTrue(seconds > 0.8 && seconds < 1.5, "10 frames in about a second: " + seconds);
            assertTrue(feed.bytesReceived() > frames.stream().mapToLong(f -> f.jpeg().length).sum());
        }
    }

    @Test
    void basicAndDigestAuthentication() throws IOException {
        camera.requireAuth(Esp32Emulator.Auth.BASIC, "admin", "s3cret");
        try (CameraFeed feed = connect(mjpeg(camera.streamUrl(), "admin", "s3cret")).openStream()) {
            assertEquals(0xD8, feed.next().jpeg()[1] & 0xFF);
        }
        CameraException wrong = assertThrows(CameraException.class, () -> connect(mjpeg(camera.streamUrl(), "admin", "nope")).openStream());
        assertEquals(CameraFailure.UNAUTHORIZED, wrong.failure());
        assertTrue(wrong.getMessage().contains("refused the username and password"), wrong.getMessage());
        CameraException none = assertThrows(CameraException.class, () -> connect(mjpeg(camera.streamUrl(), null, null)).openStream());
        assertTrue(none.getMessage().contains("needs a username and password"), none.getMessage());

        camera.requireAuth(Esp32Emulator.Auth.DIGEST, "admin", "s3cret");
        try (CameraFeed feed = connect(mjpeg(camera.streamUrl(), "admin", "s3cret")).openStream()) {
            assertEquals(0xD8, feed.next().jpeg()[1] & 0xFF);
        }
        assertEquals(CameraFailure.UNAUTHORIZED, assertThrows(CameraException.class,
                () -> connect(mjpeg(camera.streamUrl(), "admin", "nope")).openStream()).failure());
    }

    @Test
    void pollsSnapshotsAtTheDetectionRate() throws IOException {
        CameraSource snapshot = new CameraSource(CameraSourceKind.SNAPSHOT, URI.create(camera.captureUrl()), null, null, null, 5);
        try (CameraFeed feed = connect(snapshot).openStream()) {
            long first = feed.next().capturedAt();
            CapturedFrame last = null;
            for (int i = 0; i < 5; i++) {
                last = feed.next();
                assertTrue(indexOf(last.jpeg()) >= 0, "a frame of the clip");
            }
            double seconds = (last.capturedAt() - first) / 1e9;
            assertTrue(seconds > 0.9 && seconds < 1.6, "5 polls at 5 fps: " + seconds);
        }
    }

    @Test
    void failuresSayWhatWentWrong() throws IOException {
        CameraException snapshotAsStream = assertThrows(CameraException.class,
                () -> connect(mjpeg(camera.captureUrl(), null, null)).openStream());
        assertEquals(CameraFailure.NOT_A_JPEG_STREAM, snapshotAsStream.failure());
        assertTrue(snapshotAsStream.getMessage().contains("source_kind snapshot"), snapshotAsStream.getMessage());

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertEquals(CameraFailure.REFUSED, failure(mjpeg("http://127.0.0.1:" + closedPort + "/stream", null, null)));
        assertEquals(CameraFailure.DNS, failure(mjpeg("http://no-such-camera.invalid:81/stream", null, null)));
        assertEquals(CameraFailure.HTTP_ERROR, failure(mjpeg(camera.streamUrl().replace("/stream", "/nothing"), null, null)));

        CameraSource defaultPolicy = mjpeg(camera.streamUrl(), null, null);
        CameraConnection refused = new CameraConnection(defaultPolicy, new EgressPolicy(new EgressSettings(Map.of()), InetAddress::getAllByName),
                Duration.ofSeconds(2), Duration.ofSeconds(2), 1 << 20, Ticker.SYSTEM);
        connections.add(refused);
        IOException egress = assertThrows(IOException.class, refused::openStream);
        assertEquals(CameraFailure.EGRESS_REFUSED, CameraFailure.of(egress), "loopback needs the operator's consent");
    }

    @Test
    void aSecondStreamClientIsHeldLikeOnARealEsp32() throws IOException {
        try (CameraFeed first = connect(mjpeg(camera.streamUrl(), null, null)).openStream()) {
            first.next();
            CameraConnection second = new CameraConnection(mjpeg(camera.streamUrl(), null, null), LOOPBACK_ALLOWED,
                    Duration.ofSeconds(2), Duration.ofMillis(500), 1 << 20, Ticker.SYSTEM);
            connections.add(second);
            assertEquals(CameraFailure.TIMEOUT, CameraFailure.of(assertThrows(IOException.class, second::openStream)));
            assertEquals(1, camera.streamClients());
        }
    }

    @Test
    void aPollerFallsBackToSnapshotsWhileTheStreamIsBusyAndReturnsWhenItIsFree() throws Exception {
        CameraFeed squatter = connect(mjpeg(camera.streamUrl(), null, null)).openStream(); // a forgotten browser tab
        squatter.next();
        List<String> events = new CopyOnWriteArrayList<>();
        CameraPoller poller = poller(mjpeg(camera.streamUrl(), camera.captureUrl()), events, Duration.ofSeconds(2));
        Thread thread = new Thread(poller);
        thread.start();
        try {
            awaitEvent(events, "frame", 10_000);
            assertTrue(poller.onSnapshotFallback(), events::toString);
            assertEquals(List.of("failure timeout", "failure timeout"), events.stream().filter(e -> e.startsWith("failure")).toList());
            squatter.close();
            long deadline = System.currentTimeMillis() + 10_000;
            while (poller.onSnapshotFallback() && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            events.clear();
            awaitEvent(events, "frame", 5_000);
            assertTrue(!poller.onSnapshotFallback() && camera.streamClients() == 1, "back on the stream");
        } finally {
            poller.stop();
            thread.join(5000);
        }
        long deadline = System.currentTimeMillis() + 2000;
        while (camera.streamClients() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, camera.streamClients(), "stopping closed the connection");
    }

    @Test
    void aPollerReconnectsAfterTheCameraDropsItsConnections() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        CameraPoller poller = poller(mjpeg(camera.streamUrl(), null, null), events, Duration.ofSeconds(20));
        Thread thread = new Thread(poller);
        thread.start();
        try {
            awaitEvent(events, "frame", 5_000);
            camera.dropConnections();
            awaitEvent(events, "failure", 5_000);
            events.clear();
            awaitEvent(events, "frame", 5_000);
            assertEquals(CameraStatus.ONLINE, poller.status());
            assertEquals(2, camera.streamConnections());
        } finally {
            poller.stop();
            thread.join(5000);
        }
    }

    @Test
    void readsAnRtspCameraOverTcp() throws Exception {
        try (RtspTestServer rtsp = RtspTestServer.blink("admin", "s3cret")) {
            CameraSource source = new CameraSource(CameraSourceKind.RTSP, URI.create(rtsp.url()), null, "admin", "s3cret", 5);
            try (CameraFeed feed = connect(source).openStream()) {
                CapturedFrame first = feed.next();
                CapturedFrame last = first;
                for (int i = 0; i < 10; i++) {
                    last = feed.next();
                }
                assertEquals(0xD8, last.jpeg()[1] & 0xFF, "delivered as JPEG");
                double fps = 10 / ((last.capturedAt() - first.capturedAt()) / 1e9);
                assertTrue(fps > 3 && fps < 14, "frames at about the camera's 10 fps (GStreamer encodes slower on a loaded machine): " + fps);

                // A hung camera: the read ends with the socket timeout (5 s here) instead of blocking forever.
                rtsp.freeze(true);
                long frozenAt = System.nanoTime();
                assertThrows(IOException.class, () -> {
                    while (true) {
                        feed.next();
                    }
                });
                double waited = (System.nanoTime() - frozenAt) / 1e9;
                assertTrue(waited < 9, "the stalled read ended after " + waited + " s");
                rtsp.freeze(false);
            }
            CameraSource wrong = new CameraSource(CameraSourceKind.RTSP, URI.create(rtsp.url()), null, "admin", "nope", 5);
            IOException refused = assertThrows(IOException.class, () -> connect(wrong).openStream());
            assertEquals(CameraFailure.UNAUTHORIZED, CameraFailure.of(refused), refused.getMessage());
            assertTrue(!refused.getMessage().contains("nope"), "no password in messages: " + refused.getMessage());
        }
    }

    private CameraPoller poller(CameraSource source, List<String> events, Duration offlineAfter) {
        CameraConnection connection = new CameraConnection(source, LOOPBACK_ALLOWED, Duration.ofSeconds(2), Duration.ofMillis(700),
                1 << 20, Ticker.SYSTEM);
        PollingTimings timings = new PollingTimings(offlineAfter, Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(5),
                Duration.ofSeconds(2), 2);
        return new CameraPoller(connection, CameraStatus.OFFLINE, timings, Ticker.SYSTEM, new Random(7), new CameraPoller.Listener() {
            @Override
            public void frame(CapturedFrame frame) {
                events.add("frame");
            }

            @Override
            public void status(CameraStatus status) {
                events.add("status " + status.apiName());
            }

            @Override
            public void failure(CameraFailure failure, String message) {
                events.add("failure " + failure.code());
            }
        });
    }

    private static void awaitEvent(List<String> events, String prefix, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (events.stream().noneMatch(e -> e.startsWith(prefix))) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("no " + prefix + " within " + millis + " ms: " + events);
            }
            Thread.sleep(10);
        }
    }

    private CameraFailure failure(CameraSource source) {
        return CameraFailure.of(assertThrows(IOException.class, () -> {
            try (CameraFeed feed = connect(source).openStream()) {
                feed.next();
            }
        }));
    }

    private CameraConnection connect(CameraSource source) {
        CameraConnection connection = new CameraConnection(source, LOOPBACK_ALLOWED, Duration.ofSeconds(2), Duration.ofSeconds(5),
                1 << 20, Ticker.SYSTEM);
        connections.add(connection);
        return connection;
    }

    private static CameraSource mjpeg(String url, String user, String password) {
        return new CameraSource(CameraSourceKind.MJPEG, URI.create(url), null, user, password, 5);
    }

    private static CameraSource mjpeg(String url, String snapshotUrl) {
        return new CameraSource(CameraSourceKind.MJPEG, URI.create(url), URI.create(snapshotUrl), null, null, 5);
    }

    private static int indexOf(byte[] jpeg) {
        for (int i = 0; i < BLINK.size(); i++) {
            if (Arrays.equals(BLINK.get(i), jpeg)) {
                return i;
            }
        }
        return -1;
    }
}
