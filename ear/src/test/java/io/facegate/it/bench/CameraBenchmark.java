package io.facegate.it.bench;

import io.facegate.cameras.Esp32Emulator;
import io.facegate.it.Api;
import io.facegate.it.BlinkPerson;
import io.facegate.it.FaceGateServer;
import io.facegate.it.Tenants;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * N emulated ESP32 cameras at 10 fps, each analysed at detect_fps 5, against the integration-test
 * server: the blink clip's person (enrolled) walks past every camera every 12 s (8 s of the clip,
 * then 4 s of an empty scene; cooldown 0, so each walk past is a new event). Prints, per N: frames
 * received and analysed per second, frames skipped, walk-pasts and MATCHED events, event latency
 * (from the first frame of a walk past to its event's creation) p50/p99, server CPU and RSS. Not a
 * test: opt in with {@code -Dfacegate.bench=true}; see docs/benchmarks/cameras.md.
 */
@ExtendWith(FaceGateServer.class)
@EnabledIfSystemProperty(named = "facegate.bench", matches = "true")
class CameraBenchmark {

    private static final long WALK_PAST_MILLIS = 12_000;

    @Test
    void camerasAtTenFramesPerSecond() throws Exception {
        int[] cameraCounts = Arrays.stream(System.getProperty("facegate.bench.cameras", "1,4,16").split(","))
                .mapToInt(s -> Integer.parseInt(s.strip())).toArray();
        Duration duration = Duration.ofSeconds(Long.getLong("facegate.bench.seconds", 36));
        Api api = Tenants.create("Camera Benchmark").api();
        BlinkPerson.enroll(api);
        List<String> rows = new ArrayList<>();
        for (int cameras : cameraCounts) {
            rows.add(run(api, cameras, duration));
            Thread.sleep(5_000);
        }
        System.out.println("\n| cameras | frames received/s | frames analysed/s | skipped/s | walk-pasts | MATCHED events | event latency p50 | p99 | server CPU (cores) | RSS before → peak |");
        System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        rows.forEach(System.out::println);
    }

    private String run(Api api, int count, Duration duration) throws Exception {
        List<Esp32Emulator> cameras = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                Esp32Emulator camera = new Esp32Emulator(BlinkPerson.FRAMES);
                camera.idleFrame(Esp32Emulator.blankJpeg(640, 480));
                camera.play(List.of(Esp32Emulator.blankJpeg(640, 480)), true); // empty until measuring starts
                cameras.add(camera);
                String code = "BENCH-" + count + "-" + i;
                codes.add(code);
                api.create("/api/v1/cameras/", "{\"id\": \"" + code + "\", \"name\": \"" + code + "\", \"stream_url\": \""
                        + camera.streamUrl() + "\", \"detect_fps\": 5, \"cooldown_seconds\": 0}");
            }
            Thread.sleep(5_000); // connected and warm
            long rssBefore = ServerProcess.rssMb();
            long rssPeak = rssBefore;
            Map<String, Long> cpuBefore = ServerProcess.cpuTicksByThread();
            long analysedBefore = analysed();
            long sentBefore = cameras.stream().mapToLong(Esp32Emulator::framesSent).sum();
            Instant measuringFrom = Instant.now();
            long start = System.nanoTime();
            Map<String, List<Instant>> walkPasts = new HashMap<>();
            int walks = (int) (duration.toMillis() / WALK_PAST_MILLIS);
            for (int walk = 0; walk < walks; walk++) {
                for (int i = 0; i < count; i++) {
                    // cameras start their walk-pasts spread over a second, as people do not arrive in step
                    cameras.get(i).play(BlinkPerson.FRAMES, false);
                    walkPasts.computeIfAbsent(codes.get(i), c -> new ArrayList<>()).add(Instant.now());
                    Thread.sleep(1000 / count);
                }
                long walkEnd = start + (walk + 1) * WALK_PAST_MILLIS * 1_000_000;
                while (System.nanoTime() < walkEnd) {
                    rssPeak = Math.max(rssPeak, ServerProcess.rssMb());
                    Thread.sleep(500);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Long> cpuAfter = ServerProcess.cpuTicksByThread();
            double cores = cpuAfter.entrySet().stream().mapToLong(e -> e.getValue() - cpuBefore.getOrDefault(e.getKey(), 0L)).sum()
                    / ServerProcess.CLOCK_TICKS / seconds;
            double analysedPerSecond = (analysed() - analysedBefore) / seconds;
            double receivedPerSecond = (cameras.stream().mapToLong(Esp32Emulator::framesSent).sum() - sentBefore) / seconds;

            Thread.sleep(3_000); // the last walk-past's events are recorded
            List<Long> latencies = new ArrayList<>();
            int matched = 0;
            for (String code : codes) {
                List<Instant> starts = walkPasts.get(code);
                JsonObject page = api.get("/api/v1/detections/?camera_id=" + code + "&status=MATCHED&limit=200&start_date=" + measuringFrom).json();
                for (JsonValue value : page.getJsonArray("results")) {
                    Instant detected = Instant.parse(value.asJsonObject().getString("detected_at"));
                    matched++;
                    starts.stream().filter(s -> !s.isAfter(detected)).reduce((a, b) -> b)
                            .ifPresent(s -> latencies.add(Duration.between(s, detected).toMillis()));
                }
            }
            Collections.sort(latencies);
            int walkPastCount = walks * count;
            System.out.printf("cameras %d: %.1f frames/s received, %.1f analysed, %d/%d walk-pasts matched, latency p50 %d ms p99 %d ms,"
                    + " CPU %.2f cores%n", count, receivedPerSecond, analysedPerSecond, matched, walkPastCount, percentile(latencies, 50),
                    percentile(latencies, 99), cores);
            return String.format("| %d | %.1f | %.1f | %.1f | %d | %d | %s | %s | %.2f | %d → %d MB |", count, receivedPerSecond,
                    analysedPerSecond, Math.max(0, receivedPerSecond - analysedPerSecond), walkPastCount, matched,
                    millis(percentile(latencies, 50)), millis(percentile(latencies, 99)), cores, rssBefore, rssPeak);
        } finally {
            codes.forEach(code -> api.delete("/api/v1/cameras/" + code + "/"));
            cameras.forEach(Esp32Emulator::close);
        }
    }

    /** Camera frames the frame worker analysed since start (from /health/ready). */
    private static long analysed() {
        JsonObject ready = Api.operations().get("/health/ready").json();
        for (JsonValue check : ready.getJsonArray("checks")) {
            if (check.asJsonObject().getString("name").equals("frame-worker")) {
                return Long.parseLong(check.asJsonObject().getJsonObject("data").getString("camera_analysed"));
            }
        }
        throw new IllegalStateException("no frame-worker readiness check");
    }

    private static String millis(long value) {
        return value < 0 ? "-" : value + " ms";
    }

    private static long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }
}
