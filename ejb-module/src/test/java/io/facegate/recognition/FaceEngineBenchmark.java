package io.facegate.recognition.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.facegate.recognition.DecodedImage;
import io.facegate.recognition.FaceAttribute;
import io.facegate.recognition.FaceEngine;
import io.facegate.recognition.FaceModel;
import io.facegate.recognition.FaceModels;
import io.facegate.recognition.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Face engine speed on this machine: each model alone, each stage of a 640x480 camera frame, the
 * whole frame, and embedding throughput. Skipped unless {@code -Dfacegate.bench=true}; the command
 * and the latest figures are in docs/benchmarks/face-engine.md.
 */
@EnabledIfSystemProperty(named = "facegate.bench", matches = "true")
class FaceEngineBenchmark {

    private static final int ROUNDS = Integer.getInteger("facegate.bench.rounds", 3);

    @Test
    void run() {
        FaceEngine engine = TestData.engine();
        System.out.printf(Locale.ROOT, "%ncores %d, intra-op threads %s, engine load + warm-up %d ms%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("ai.djl.pytorch.num_threads", "default"),
                engine.status().loadTimeMs());
        models();
        onnxRuntime();
        frames(engine);
    }

    /**
     * The same models' ONNX originals in ONNX Runtime (test dependency only), batch 1: how much of
     * the time is libtorch itself rather than FaceGate's pipeline.
     */
    private static void onnxRuntime() {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        System.out.println("\nsame model in ONNX Runtime, batch 1, median ms per call:");
        for (FaceModel model : FaceModel.values()) {
            Path file = TestData.models("onnx/" + model.fileName().replace(".pt", ".onnx"));
            try (OrtSession session = environment.createSession(file.toString(), new OrtSession.SessionOptions());
                 OnnxTensor input = OnnxTensor.createTensor(environment, FloatBuffer.wrap(new float[model.itemSize()]),
                         new long[]{1, model.channels(), model.height(), model.width()})) {
                Map<String, OnnxTensor> inputs = Map.of(session.getInputNames().iterator().next(), input);
                double ms = median(50 * ROUNDS, () -> {
                    try (OrtSession.Result ignored = session.run(inputs)) {
                        // only the time matters
                    } catch (OrtException e) {
                        throw new IllegalStateException(e);
                    }
                });
                System.out.printf(Locale.ROOT, "  %-10s batch 1: %7.2f ms%n", model, ms);
            } catch (OrtException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Each model alone on random input: the inference cost without any image work. */
    private static void models() {
        Random random = new Random(7);
        try (FaceModels models = new FaceModels(FaceModels.class.getClassLoader(), 1)) {
            System.out.println("\nmodel alone (random input), median ms per call:");
            for (FaceModel model : FaceModel.values()) {
                for (int batch : model == FaceModel.EYE ? new int[]{1, 2} : new int[]{1, 8}) {
                    float[] data = new float[batch * model.itemSize()];
                    for (int i = 0; i < data.length; i++) {
                        data[i] = random.nextFloat();
                    }
                    FaceModels.Input input = new FaceModels.Input(data, batch);
                    double ms = median(50 * ROUNDS, () -> models.run(model, input));
                    System.out.printf(Locale.ROOT, "  %-10s batch %d: %7.2f ms%s%n", model, batch, ms,
                            model == FaceModel.FEATURE ? String.format(Locale.ROOT, "  (%.0f embeddings/s)", batch * 1000 / ms) : "");
                }
            }
        }
    }

    /** Real 640x480 camera frames with one face: decode, then analyses of growing scope. */
    private static void frames(FaceEngine engine) {
        List<byte[]> jpegs;
        try (Stream<Path> files = Files.list(TestData.data("camera-stream/frames_blink_vga"))) {
            jpegs = files.sorted().map(TestData::bytes).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("\n640x480 JPEG camera frames (" + jpegs.size() + "), median ms per frame:");
        int[] next = {0};
        Supplier<byte[]> frame = () -> jpegs.get(next[0]++ % jpegs.size());
        double decode = median(jpegs.size() * ROUNDS, () -> engine.decode("frame", frame.get()).close());
        System.out.printf(Locale.ROOT, "  decode                               %6.2f%n", decode);
        double previous = decode;
        EnumSet<FaceAttribute> attributes = EnumSet.noneOf(FaceAttribute.class);
        String label = "decode + detect + landmarks + quality";
        for (FaceAttribute added : new FaceAttribute[]{null, FaceAttribute.EMBEDDING, FaceAttribute.LIVENESS, FaceAttribute.EYES}) {
            if (added != null) {
                attributes.add(added);
                label = "  + " + added.name().toLowerCase(Locale.ROOT);
            }
            Set<FaceAttribute> scope = EnumSet.copyOf(attributes);
            double ms = median(jpegs.size() * ROUNDS, () -> {
                try (DecodedImage image = engine.decode("frame", frame.get())) {
                    engine.analyze(image, scope);
                }
            });
            System.out.printf(Locale.ROOT, "  %-36s %6.2f  (stage %+.2f)%n", label, ms, ms - previous);
            previous = ms;
        }
        System.out.printf(Locale.ROOT, "whole frame (decode, detect, landmarks, quality, embedding, liveness, eyes): %.2f ms median%n", previous);
        double pose = median(jpegs.size() * ROUNDS, () -> {
            try (DecodedImage image = engine.decode("frame", frame.get())) {
                engine.analyze(image, EnumSet.allOf(FaceAttribute.class));
            }
        });
        System.out.printf(Locale.ROOT, "whole frame with head pose: %.2f ms median%n", pose);
    }

    /** Median wall time of {@code runs} calls after 10 untimed ones, in ms. */
    private static double median(int runs, Runnable call) {
        for (int i = 0; i < 10; i++) {
            call.run();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            call.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms[runs / 2];
    }
}
