package io.facegate.recognition;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Face engine speed on this machine, for each inference engine: each stage of a 640x480 camera
 * frame with one face (median and p99), the whole frame (wall and, with one thread per inference,
 * the calling thread's CPU time, which a loaded machine inflates less), frames/s with one and two
 * concurrent callers, and each model alone. Skipped unless {@code -Dfacegate.bench=true}; the command and the
 * latest figures are in docs/benchmarks/face-engine.md.
 * <p>
 * {@code -Dfacegate.bench.engines=pytorch,onnxruntime} (default both), {@code -Dfacegate.inference.pool-size}
 * (default: cores) and {@code -Dfacegate.inference.threads} (default 1) choose what is measured;
 * {@code -Dfacegate.bench.rounds=N} (default 3) scales the number of timed calls.
 */
@EnabledIfSystemProperty(named = "facegate.bench", matches = "true")
class FaceEngineBenchmark {

    private static final int ROUNDS = Integer.getInteger("facegate.bench.rounds", 3);
    private static final Set<FaceAttribute> WHOLE_FRAME =
            EnumSet.of(FaceAttribute.EMBEDDING, FaceAttribute.LIVENESS, FaceAttribute.EYES);

    @Test
    void run() {
        List<byte[]> frames = cameraFrames();
        InferenceSettings configured = TestData.inference();
        for (String name : System.getProperty("facegate.bench.engines", "pytorch,onnxruntime").split(",")) {
            InferenceSettings settings = new InferenceSettings(InferenceEngine.named(name), configured.poolSize(), configured.threads());
            FaceEngine engine = TestData.engine(settings);
            try {
                System.out.printf(Locale.ROOT, "%n=== %s: %d cores, %d predictors per model, %d threads per inference;"
                                + " load + warm-up %d ms; load average %s%n", settings.engine().djlName(), Runtime.getRuntime().availableProcessors(),
                        settings.poolSize(), settings.threads(), engine.status().loadTimeMs(), loadAverage());
                stages(engine, frames);
                throughput(engine, frames);
            } finally {
                engine.close();
            }
            models(settings);
        }
    }

    /** The machine is shared: its load when an engine's run starts says how much of it the run could have. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Each model alone on random input: the inference cost without any image work. */
    private static void models(InferenceSettings settings) {
        try (FaceModels models = new FaceModels(FaceModels.class.getClassLoader(), settings)) {
            models.warmUp();
            System.out.println("model alone (random input), median ms per call:");
            Random random = new Random(7);
            for (FaceModel model : FaceModel.values()) {
                for (int batch : model == FaceModel.EYE ? new int[]{1, 2} : new int[]{1, 8}) {
                    double ms = modelAlone(models, model, batch, random);
                    System.out.printf(Locale.ROOT, "  %-10s batch %d: %7.2f ms%s%n", model, batch, ms, model == FaceModel.FEATURE
                            ? String.format(Locale.ROOT, "  (%.0f embeddings/s)", batch * 1000 / ms) : "");
                }
            }
        }
    }

    /** Median ms of one call of {@code model} on a random batch. */
    private static double modelAlone(FaceModels models, FaceModel model, int batch, Random random) {
        float[] data = new float[batch * model.itemSize()];
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextFloat();
        }
        FaceModels.Input input = new FaceModels.Input(data, batch);
        return Timings.of(50 * ROUNDS, () -> models.run(model, input)).median();
    }

    /**
     * Real 640x480 camera frames with one face, each decoded and analysed as a liveness session's
     * frame is (embedding, liveness, eyes; no pose), every stage timed inside the same call.
     */
    private static void stages(FaceEngine engine, List<byte[]> frames) {
        int runs = frames.size() * ROUNDS;
        for (int i = 0; i < 20; i++) {
            analyze(engine, frames.get(i % frames.size()), WHOLE_FRAME, FaceEngine.StageTimes.NONE);
        }
        StageClock clock = new StageClock(runs);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] cpuMs = new double[runs];
        for (int run = 0; run < runs; run++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            clock.start(run);
            analyze(engine, frames.get(run % frames.size()), WHOLE_FRAME, clock);
            clock.ended("whole frame", clock.started);
            cpuMs[run] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
        }
        System.out.printf(Locale.ROOT, "640x480 JPEG camera frames with one face (%d frames x %d), ms per frame:%n", frames.size(), ROUNDS);
        System.out.printf(Locale.ROOT, "  %-12s %7s %7s%n", "stage", "median", "p99");
        clock.ms.forEach((stage, ms) -> {
            Timings timings = new Timings(ms);
            System.out.printf(Locale.ROOT, "  %-12s %7.2f %7.2f%n", stage, timings.median(), timings.p99());
        });
        Timings whole = new Timings(clock.ms.get("whole frame"));
        int[] next = {0};
        Timings pose = Timings.of(runs, () -> analyze(engine, frames.get(next[0]++ % frames.size()),
                EnumSet.allOf(FaceAttribute.class), FaceEngine.StageTimes.NONE));
        System.out.printf(Locale.ROOT, "whole frame %.2f ms median, %.2f ms p99 (CPU of the calling thread: %.2f ms median);"
                + " with head pose too %.2f ms median%n", whole.median(), whole.p99(), new Timings(cpuMs).median(), pose.median());
    }

    private static void analyze(FaceEngine engine, byte[] jpeg, Set<FaceAttribute> attributes, FaceEngine.StageTimes times) {
        try (DecodedImage image = engine.decode("frame", jpeg)) {
            if (times instanceof StageClock clock) {
                clock.ended("decode", clock.last);
            }
            List<DetectedFace> faces = engine.analyze(image, attributes, times);
            if (faces.isEmpty()) {
                throw new IllegalStateException("every camera frame shows a face");
            }
        }
    }

    /** Wall time of each stage of a series of frames: a stage runs from the end of the one before. */
    private static final class StageClock implements FaceEngine.StageTimes {

        final Map<String, double[]> ms = new LinkedHashMap<>();
        private final int runs;
        private int run;
        long started;
        long last;

        StageClock(int runs) {
            this.runs = runs;
        }

        void start(int run) {
            this.run = run;
            started = System.nanoTime();
            last = started;
        }

        @Override
        public void ended(FaceEngine.Stage stage) {
            ended(stage.name().toLowerCase(Locale.ROOT), last);
        }

        void ended(String stage, long since) {
            long now = System.nanoTime();
            ms.computeIfAbsent(stage, s -> new double[runs])[run] = (now - since) / 1e6;
            last = now;
        }
    }

    /** Frames decided per second by 1 and by 2 threads calling the engine at once (as sessions do). */
    private static void throughput(FaceEngine engine, List<byte[]> frames) {
        for (int callers : new int[]{1, 2}) {
            int total = frames.size() * ROUNDS;
            AtomicInteger next = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(callers);
            try {
                long start = System.nanoTime();
                List<Future<?>> running = new ArrayList<>();
                for (int c = 0; c < callers; c++) {
                    running.add(pool.submit(() -> {
                        for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                            analyze(engine, frames.get(i % frames.size()), WHOLE_FRAME, FaceEngine.StageTimes.NONE);
                        }
                    }));
                }
                for (Future<?> caller : running) {
                    caller.get();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "%d caller%s: %.1f whole frames/s%n", callers, callers == 1 ? " " : "s", total / seconds);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                pool.shutdown();
            }
        }
    }

    private static List<byte[]> cameraFrames() {
        try (Stream<Path> files = Files.list(TestData.data("camera-stream/frames_blink_vga"))) {
            return files.sorted().map(TestData::bytes).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Wall times in ms, sorted. */
    private record Timings(double[] ms) {

        Timings {
            ms = ms.clone();
            Arrays.sort(ms);
        }

        /** {@code runs} timed calls after 10 untimed ones. */
        static Timings of(int runs, Runnable call) {
            for (int i = 0; i < 10; i++) {
                call.run();
            }
            double[] ms = new double[runs];
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                call.run();
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
            return new Timings(ms);
        }

        double median() {
            return ms[ms.length / 2];
        }

        double p99() {
            return ms[Math.min(ms.length - 1, ms.length * 99 / 100)];
        }
    }
}
