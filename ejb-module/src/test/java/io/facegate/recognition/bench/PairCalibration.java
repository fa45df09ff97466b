package io.facegate.recognition.bench;

import io.facegate.recognition.DecodedImage;
import io.facegate.recognition.DetectedFace;
import io.facegate.recognition.FaceAttribute;
import io.facegate.recognition.FaceEmbedding;
import io.facegate.recognition.FaceEngine;
import io.facegate.recognition.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Match-threshold calibration on the labelled pairs: accuracy at a threshold, the best threshold,
 * and TAR at fixed FAR. Run with {@code -Dfacegate.bench=true} (see docs/benchmarks/face-engine.md).
 */
@EnabledIfSystemProperty(named = "facegate.bench", matches = "true")
class PairCalibration {

    private record Pair(double similarity, boolean same) {
    }

    /** How often each combination of quality issues occurs on these (mostly good) portraits. */
    private static final Map<String, Integer> QUALITY_ISSUES = new TreeMap<>();

    @Test
    void calibrate() {
        FaceEngine engine = TestData.engine();
        Map<String, Optional<FaceEmbedding>> embeddings = new HashMap<>();
        for (String file : List.of("pairs_dev.csv", "pairs_deepface_master.csv")) {
            List<Pair> pairs = new ArrayList<>();
            int missing = 0;
            for (String[] row : TestData.csv(TestData.data("identities/" + file))) {
                Optional<FaceEmbedding> a = embeddings.computeIfAbsent(row[0], p -> embed(engine, p));
                Optional<FaceEmbedding> b = embeddings.computeIfAbsent(row[1], p -> embed(engine, p));
                if (a.isEmpty() || b.isEmpty()) {
                    missing++;
                    continue;
                }
                pairs.add(new Pair(a.get().similarity(b.get()), row[2].equals("1")));
            }
            report(file, pairs, missing, engine.settings().matchThreshold());
        }
        System.out.println("\nquality issues of the largest face, photos per combination: " + QUALITY_ISSUES);
    }

    private static Optional<FaceEmbedding> embed(FaceEngine engine, String relative) {
        Path file = TestData.data("identities/" + relative);
        try (DecodedImage image = TestData.image(file)) {
            List<DetectedFace> faces = engine.analyze(image, Set.of(FaceAttribute.EMBEDDING));
            if (faces.isEmpty()) {
                System.out.println("no face found in " + relative);
                return Optional.empty();
            }
            QUALITY_ISSUES.merge(faces.get(0).quality().issues().toString(), 1, Integer::sum);
            return Optional.of(faces.get(0).embedding());
        }
    }

    private static void report(String name, List<Pair> pairs, int missing, double threshold) {
        double[] genuine = pairs.stream().filter(Pair::same).mapToDouble(Pair::similarity).sorted().toArray();
        double[] impostor = pairs.stream().filter(p -> !p.same()).mapToDouble(Pair::similarity).sorted().toArray();
        System.out.printf(Locale.ROOT, "%n== %s: %d genuine, %d impostor pairs, %d pairs without a face%n",
                name, genuine.length, impostor.length, missing);
        System.out.printf(Locale.ROOT, "genuine  min %.3f median %.3f mean %.3f%n", genuine[0], genuine[genuine.length / 2], mean(genuine));
        double spread = Math.sqrt(Arrays.stream(impostor).map(s -> (s - mean(impostor)) * (s - mean(impostor))).average().orElse(0));
        System.out.printf(Locale.ROOT, "impostor max %.3f median %.3f mean %.3f sd %.3f%n", impostor[impostor.length - 1],
                impostor[impostor.length / 2], mean(impostor), spread);
        System.out.printf(Locale.ROOT, "at threshold %.3f: accuracy %.4f, FAR %.4f, FRR %.4f%n", threshold,
                accuracy(genuine, impostor, threshold), far(impostor, threshold), 1 - tar(genuine, threshold));
        double best = 0;
        double bestThreshold = 0;
        for (double t = 0; t <= 1; t += 0.005) {
            double a = accuracy(genuine, impostor, t);
            if (a > best) {
                best = a;
                bestThreshold = t;
            }
        }
        System.out.printf(Locale.ROOT, "best accuracy %.4f at threshold %.3f%n", best, bestThreshold);
        for (double far : new double[]{1e-2, 1e-3}) {
            // Smallest threshold whose false accepts stay within the FAR; with few impostors 1e-3 means zero.
            int allowed = (int) Math.floor(far * impostor.length);
            double t = impostor[impostor.length - 1 - allowed] + 1e-9;
            System.out.printf(Locale.ROOT, "TAR@FAR=%.0e: %.4f (threshold %.3f, %d false accepts allowed)%n",
                    far, tar(genuine, t), t, allowed);
        }
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    private static double tar(double[] genuine, double threshold) {
        return Arrays.stream(genuine).filter(s -> s >= threshold).count() / (double) genuine.length;
    }

    private static double far(double[] impostor, double threshold) {
        return Arrays.stream(impostor).filter(s -> s >= threshold).count() / (double) impostor.length;
    }

    private static double accuracy(double[] genuine, double[] impostor, double threshold) {
        return (tar(genuine, threshold) * genuine.length + (1 - far(impostor, threshold)) * impostor.length)
                / (genuine.length + impostor.length);
    }
}
