package io.facegate.it.bench;

import io.facegate.it.Api;
import io.facegate.it.FaceGateServer;
import io.facegate.it.StreamClient;
import io.facegate.it.Tenants;
import io.facegate.it.TestData;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Load on the WebSocket transport: N cameras, each streaming the real 640x480 blink clip
 * ({@code camera-stream/frames_blink_vga}) at 10 fps into a verification session of the person in
 * it, against the integration-test server. Prints, per N: connections held, frames sent and
 * decided per second, frame latency (send to {@code frame_processed}) p50/p99, errors, and the
 * server's resident memory. Not a test: opt in with {@code -Dfacegate.bench=true}; see
 * docs/benchmarks/streaming.md for the command.
 */
@ExtendWith(FaceGateServer.class)
@EnabledIfSystemProperty(named = "facegate.bench", matches = "true")
class StreamingBenchmark {

    private static final long FRAME_INTERVAL_MS = 100;
    /** Frames a verification collects before deciding: a camera streams several seconds per session, then opens the next. */
    private static final int FRAMES_PER_SESSION = 50;
    /** {@code -Dfacegate.bench.liveness=true}: sessions with liveness (blink, motion, anti-spoof on every frame). */
    private static final boolean LIVENESS = Boolean.getBoolean("facegate.bench.liveness");

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Api api;
    private List<String> frameImages;

    @Test
    void streamsAtTenFramesPerSecond() throws Exception {
        int[] sessionCounts = Arrays.stream(System.getProperty("facegate.bench.sessions", "10,50,200").split(","))
                .mapToInt(s -> Integer.parseInt(s.strip())).toArray();
        Duration duration = Duration.ofSeconds(Long.getLong("facegate.bench.seconds", 30));
        api = Tenants.create("Streaming Benchmark").api();
        frameImages = frameImages();
        enrollTheStreamer();

        List<String> rows = new ArrayList<>();
        for (int sessions : sessionCounts) {
            rows.add(run(sessions, duration).row());
            Thread.sleep(5_000); // let the server settle between runs
        }
        System.out.println("\n| sessions | held (min) | frames sent/s | frames decided/s | latency p50 | latency p99 | skipped | errors | sessions decided (authenticated) | server CPU (cores) | RSS before → peak → after |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        rows.forEach(System.out::println);
    }

    private Result run(int sessions, Duration duration) throws Exception {
        // The machine is shared: the load before each round says how much of it the server could have.
        System.out.printf("sessions %d: load average before %s%n", sessions, Files.readString(Path.of("/proc/loadavg")).strip());
        long rssBefore = ServerProcess.rssMb();
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
        List<Camera> cameras = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            Camera camera = new Camera();
            cameras.add(camera);
            camera.start(clock, i * FRAME_INTERVAL_MS / Math.max(1, sessions));
        }
        AtomicLong rssPeak = new AtomicLong(rssBefore);
        AtomicInteger heldMin = new AtomicInteger(Integer.MAX_VALUE);
        // Connections settle for 5 s before measuring.
        Thread.sleep(5_000);
        cameras.forEach(Camera::resetCounters);
        Map<String, Long> cpuBefore = ServerProcess.cpuTicksByThread();
        long start = System.nanoTime();
        ScheduledFuture<?> sampler = clock.scheduleAtFixedRate(() -> {
            rssPeak.accumulateAndGet(ServerProcess.rssMb(), Math::max);
            heldMin.accumulateAndGet((int) cameras.stream().filter(Camera::isStreaming).count(), Math::min);
        }, 0, 1, TimeUnit.SECONDS);
        Thread.sleep(duration.toMillis());
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Long> cpuAfter = ServerProcess.cpuTicksByThread();
        sampler.cancel(false);
        Map<String, Double> cores = new java.util.TreeMap<>();
        cpuAfter.forEach((group, ticks) -> cores.put(group, (ticks - cpuBefore.getOrDefault(group, 0L)) / ServerProcess.CLOCK_TICKS / seconds));
        double serverCores = cores.values().stream().mapToDouble(Double::doubleValue).sum();
        System.out.printf("sessions %d: server CPU %.2f cores; busiest threads: %s%n", sessions, serverCores,
                cores.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(4)
                        .map(e -> String.format("%s %.2f", e.getKey(), e.getValue())).toList());
        List<Long> latencies = new ArrayList<>();
        cameras.forEach(c -> latencies.addAll(c.latenciesMs));
        long sent = cameras.stream().mapToLong(c -> c.sent.get()).sum();
        long decided = latencies.size();
        long errors = cameras.stream().mapToLong(c -> c.errors.get()).sum();
        Map<String, Long> errorKinds = new java.util.TreeMap<>();
        cameras.forEach(c -> c.errorKinds.forEach((kind, n) -> errorKinds.merge(kind, n.get(), Long::sum)));
        System.out.println("sessions " + sessions + ": errors " + errorKinds);
        long sessionsDecided = cameras.stream().mapToLong(c -> c.sessionsDecided.get()).sum();
        long sessionsAuthenticated = cameras.stream().mapToLong(c -> c.sessionsAuthenticated.get()).sum();
        cameras.forEach(Camera::stop);
        clock.shutdownNow();
        Thread.sleep(10_000);
        long rssAfter = ServerProcess.rssMb();
        Collections.sort(latencies);
        return new Result(sessions, heldMin.get(), sent / seconds, decided / seconds, percentile(latencies, 50),
                percentile(latencies, 99), sent - decided - errors, errors, sessionsDecided, sessionsAuthenticated, serverCores, rssBefore, rssPeak.get(), rssAfter);
    }

    record Result(int sessions, int heldMin, double sentPerSecond, double decidedPerSecond, long p50, long p99, long skipped,
                  long errors, long sessionsDecided, long sessionsAuthenticated, double serverCores, long rssBefore, long rssPeak,
                  long rssAfter) {
        String row() {
            return String.format("| %d | %d | %.0f | %.1f | %d ms | %d ms | %d | %d | %d (%d) | %.2f | %d → %d → %d MB |", sessions,
                    heldMin, sentPerSecond, decidedPerSecond, p50, p99, skipped, errors, sessionsDecided, sessionsAuthenticated,
                    serverCores, rssBefore, rssPeak, rssAfter);
        }
    }

    /**
     * One camera: opens a verification session over REST, streams frames at 10 fps until the
     * session is decided, then opens the next. A tick is skipped if the previous frame is still
     * being written, so a stalled client never bursts.
     */
    private final class Camera implements WebSocket.Listener {
        final List<Long> latenciesMs = Collections.synchronizedList(new ArrayList<>());
        final AtomicLong sent = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();
        final AtomicLong sessionsDecided = new AtomicLong();
        final AtomicLong sessionsAuthenticated = new AtomicLong();
        private final Map<Integer, Long> sentAt = new ConcurrentHashMap<>();
        private final AtomicBoolean writing = new AtomicBoolean();
        private final AtomicInteger nextFrame = new AtomicInteger(ThreadLocalRandom.current().nextInt(1000));
        private final StringBuilder partial = new StringBuilder();
        private volatile WebSocket socket;
        private volatile boolean streaming;
        private volatile boolean stopped;
        private ScheduledFuture<?> ticks;

        void start(ScheduledExecutorService clock, long offsetMs) {
            connect();
            ticks = clock.scheduleAtFixedRate(this::tick, offsetMs, FRAME_INTERVAL_MS, TimeUnit.MILLISECONDS);
        }

        private void connect() {
            if (stopped) {
                return;
            }
            Api.Reply reply = api.post("/api/auth/authentication/", "{\"user_id\":\"streamer\",\"require_liveness\":" + LIVENESS + ","
                    + "\"min_frames_required\":" + FRAMES_PER_SESSION + "}");
            if (reply.status() != 201) {
                error("session_open_" + reply.status());
                return;
            }
            HTTP.newWebSocketBuilder().buildAsync(URI.create(reply.json().getString("websocket_url")), this)
                    .whenComplete((ws, failure) -> {
                        if (failure != null) {
                            error("handshake");
                        } else {
                            socket = ws;
                        }
                    });
        }

        private void tick() {
            WebSocket ws = socket;
            if (!streaming || ws == null || !writing.compareAndSet(false, true)) {
                return;
            }
            int id = nextFrame.getAndIncrement();
            sentAt.put(id, System.nanoTime());
            sent.incrementAndGet();
            String message = "{\"type\":\"frame\",\"frame_id\":" + id + frameImages.get(id % frameImages.size());
            ws.sendText(message, true).whenComplete((w, failure) -> writing.set(false));
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonObject message;
                try (JsonReader reader = Json.createReader(new StringReader(partial.toString()))) {
                    message = reader.readObject();
                }
                partial.setLength(0);
                switch (message.getString("type")) {
                    case "connection_established" -> streaming = true;
                    case "frame_processed" -> {
                        Long at = sentAt.remove(message.getInt("frame_id"));
                        if (at != null) {
                            latenciesMs.add((System.nanoTime() - at) / 1_000_000);
                        }
                    }
                    case "authentication_complete" -> {
                        sessionsDecided.incrementAndGet();
                        if (message.getBoolean("authenticated")) {
                            sessionsAuthenticated.incrementAndGet();
                        }
                    }
                    case "error" -> error("error_" + message.getInt("code") + "_" + message.getString("error_code"));
                    default -> {
                    }
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            streaming = false;
            socket = null;
            if (statusCode != WebSocket.NORMAL_CLOSURE && statusCode != 4403) {
                error("close_" + statusCode);
            }
            CompletableFuture.runAsync(this::connect); // the next session
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            streaming = false;
            error("transport_" + error.getClass().getSimpleName());
        }

        private void error(String kind) {
            errors.incrementAndGet();
            errorKinds.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        }

        boolean isStreaming() {
            return streaming;
        }

        void resetCounters() {
            latenciesMs.clear();
            sent.set(0);
            errors.set(0);
            errorKinds.clear();
            sessionsDecided.set(0);
            sessionsAuthenticated.set(0);
            sentAt.clear();
        }

        void stop() {
            stopped = true;
            ticks.cancel(false);
            WebSocket ws = socket;
            if (ws != null) {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "benchmark over");
            }
        }
    }

    /** The clip's frames as the end of a frame message, after its {@code frame_id}. */
    private static List<String> frameImages() throws IOException {
        try (Stream<Path> files = Files.list(TestData.path("camera-stream/frames_blink_vga"))) {
            return files.sorted().map(f -> ",\"image\":\"data:image/jpeg;base64,"
                    + TestData.base64("camera-stream/frames_blink_vga/" + f.getFileName()) + "\"}").toList();
        }
    }

    /** The person in the clip, enrolled from three of its frames over the stream. */
    private void enrollTheStreamer() {
        JsonObject session = api.post("/api/auth/enrollment/", "{\"user_id\":\"streamer\",\"target_samples\":3}").json();
        try (StreamClient stream = StreamClient.connect(session.getString("websocket_url"))) {
            stream.next("connection_established");
            for (int frame = 1; frame < 200; frame += 20) {
                stream.sendFrame("camera-stream/frames_blink_vga/frame_%04d.jpg".formatted(frame), frame);
                if (stream.next("frame_processed").getString("session_status").equals("completed")) {
                    break;
                }
            }
            assertEquals(true, stream.next("enrollment_complete").getBoolean("success"));
            assertEquals(1000, stream.closed().code(), "the streamer is enrolled");
        }
    }

    private static long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }
}
