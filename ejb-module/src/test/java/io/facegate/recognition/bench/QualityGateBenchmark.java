package io.facegate.recognition.bench;

import io.facegate.recognition.DecodedImage;
import io.facegate.recognition.DetectedFace;
import io.facegate.recognition.FaceAttribute;
import io.facegate.recognition.FaceEmbedding;
import io.facegate.recognition.FaceEngine;
import io.facegate.recognition.FaceQuality;
import io.facegate.recognition.Photos;
import io.facegate.recognition.QualityGates;
import io.facegate.recognition.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Where recognition degrades, per quality factor: the benchmark behind the acceptance gates
 * ({@link QualityGates}, docs/benchmarks/quality-gates.md).
 *
 * <p>Every photo of {@code identities/} that a pair of {@code pairs_dev.csv} names is analysed as it
 * is and as degraded copies (blurred, darkened, over-exposed, shrunk into a 640x480 frame, each
 * re-encoded as JPEG quality 80 as a webcam would send it). Each pair is then scored with one side
 * degraded and the other clean, in both directions: a genuine pair is accepted when its similarity
 * reaches the shipped match threshold (a probe whose face is not found counts as not accepted),
 * an impostor pair is a false match when it does. The results are binned by the degraded side's
 * measured factor (what the gate sees), so each table row says how well faces measuring that value
 * are recognised. Yaw cannot be synthesised: it is measured on the natural photos, for the landmark
 * proxy and the pose model side by side.
 *
 * <p>Run: {@code mvn -B -o -q -pl ejb-module -am test -Dfacegate.bench=true -Dtest=QualityGateBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false [-Dfacegate.bench.out=DIR]}; it prints the tables and writes
 * one PNG per factor (default {@code target/quality-gates}).
 */
@EnabledIfSystemProperty(named = "facegate.bench", matches = "true")
class QualityGateBenchmark {

    /** One analysed probe: the largest face's measures and embedding, null when no face was found. */
    private record Probe(FaceQuality.Measures measures, FaceEmbedding embedding, Double poseYaw) {
        boolean found() {
            return embedding != null;
        }
    }

    /** One scored pair with the probe side's measures (null: no face found in the probe). */
    private record Scored(FaceQuality.Measures measures, double similarity, boolean same, Double poseYaw) {
    }

    private record Degradation(String name, double[] levels) {
    }

    private static final List<Degradation> DEGRADATIONS = List.of(
            // Gaussian sigma as a fraction of the face's side, so that large and small faces blur alike.
            new Degradation("blur", new double[]{0.01, 0.02, 0.03, 0.045, 0.06, 0.08, 0.11}),
            new Degradation("dark", new double[]{0.6, 0.4, 0.28, 0.2, 0.14, 0.1, 0.07, 0.05}),
            new Degradation("bright", new double[]{1.4, 1.8, 2.3, 3.0, 4.0}),
            // Target face side in pixels, the image shrunk and centred in a 640x480 grey frame.
            new Degradation("small", new double[]{96, 72, 56, 48, 40, 32, 26, 20}),
            // A dim, soft webcam: darkened to the level and slightly blurred (sigma 3 % of the face side).
            new Degradation("dim-soft", new double[]{0.5, 0.3, 0.2, 0.12, 0.08}));

    /** A gate keeps faces that are recognised at least this often: 4 in 5 for recognition... */
    static final double RECOGNITION_TAR = 0.8;
    /** ...and nearly 9 in 10 for enrollment, where the template serves every later recognition. */
    static final double ENROLLMENT_TAR = 0.88;
    static final int MIN_BIN_PAIRS = 20;

    private final FaceEngine engine = TestData.engine();
    private final double threshold = engine.settings().matchThreshold();

    @Test
    void measure() throws IOException {
        Path out = Path.of(System.getProperty("facegate.bench.out", "target/quality-gates"));
        Files.createDirectories(out);
        List<String[]> pairs = TestData.csv(TestData.data("identities/pairs_dev.csv"));
        Set<String> photos = new LinkedHashSet<>();
        pairs.forEach(p -> {
            photos.add(p[0]);
            photos.add(p[1]);
        });
        Map<String, Probe> clean = new LinkedHashMap<>();
        Map<String, BufferedImage> pictures = new LinkedHashMap<>();
        for (String photo : photos) {
            byte[] bytes = TestData.bytes(TestData.data("identities/" + photo));
            pictures.put(photo, Photos.read(bytes));
            clean.put(photo, analyse(bytes));
        }

        List<Scored> natural = score(pairs, clean, clean);
        List<Scored> all = new ArrayList<>(natural);
        Map<String, List<Scored>> byDegradation = new LinkedHashMap<>();
        for (Degradation d : DEGRADATIONS) {
            List<Scored> scored = new ArrayList<>();
            for (double level : d.levels()) {
                Map<String, Probe> degraded = new LinkedHashMap<>();
                for (String photo : photos) {
                    Probe original = clean.get(photo);
                    if (original.found()) {
                        degraded.put(photo, analyse(Photos.jpeg(Photos.degrade(d.name(), level, pictures.get(photo), original.measures().faceSide()))));
                    }
                }
                List<Scored> level1 = score(pairs, degraded, clean);
                summarise(d.name() + " " + level, level1);
                scored.addAll(level1);
            }
            byDegradation.put(d.name(), scored);
            all.addAll(scored);
        }

        System.out.printf(Locale.ROOT, "%nshipped match threshold %.2f; natural pairs: %d%n", threshold, natural.size());
        summarise("natural", natural);
        List<Scored> sharpnessSet = concat(natural, byDegradation.get("blur"), byDegradation.get("dim-soft"));
        List<Scored> darkSet = concat(natural, byDegradation.get("dark"), byDegradation.get("dim-soft"));
        List<Scored> brightSet = concat(natural, byDegradation.get("bright"));
        List<Scored> sizeSet = concat(natural, byDegradation.get("small"));
        table(out, "sharpness", "sharpness (contrast-normalised Laplacian variance)", sharpnessSet, s -> s.measures().sharpness(),
                new double[]{0, 5, 10, 15, 20, 30, 40, 60, 80, 120, 200, 400, 1e9}, QualityGates.RECOGNITION.minSharpness(), true);
        table(out, "darkness", "brightness (mean grey, dark side)", darkSet, s -> s.measures().brightness(),
                new double[]{0, 10, 15, 20, 25, 30, 40, 50, 70, 256}, QualityGates.RECOGNITION.minBrightness(), true);
        table(out, "brightness", "brightness (mean grey, bright side)", brightSet, s -> s.measures().brightness(),
                new double[]{0, 120, 160, 190, 210, 225, 235, 245, 256}, QualityGates.RECOGNITION.maxBrightness(), false);
        table(out, "size", "face side (px)", sizeSet, s -> s.measures().faceSide(),
                new double[]{0, 20, 24, 28, 32, 36, 40, 48, 56, 64, 80, 1e9}, QualityGates.RECOGNITION.minFaceSide(), true);
        table(out, "confidence", "detector confidence", all, s -> s.measures().confidence(),
                new double[]{0, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.98, 1.01}, QualityGates.RECOGNITION.minConfidence(), true);
        table(out, "yaw", "|yaw proxy| (landmarks)", natural, s -> Math.abs(s.measures().yaw()),
                new double[]{0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.01}, QualityGates.RECOGNITION.maxYaw(), false);
        List<Scored> posed = natural.stream().filter(s -> s.poseYaw() != null).toList();
        table(out, "pose-yaw", "|yaw| from the pose model (degrees)", posed, s -> Math.abs(s.poseYaw()),
                new double[]{0, 10, 20, 30, 40, 50, 60, 90}, Double.NaN, false);
        agreement(clean);
        refusals(clean);
    }

    private Probe analyse(byte[] bytes) {
        try (DecodedImage image = engine.decode("probe", bytes)) {
            List<DetectedFace> faces = engine.analyze(image, Set.of(FaceAttribute.EMBEDDING, FaceAttribute.POSE));
            if (faces.isEmpty()) {
                return new Probe(null, null, null);
            }
            DetectedFace face = faces.get(0);
            return new Probe(face.quality().measures(), face.embedding(), face.pose().yaw());
        }
    }

    /** Each pair twice, each side in turn the probe from {@code probes} against the other's clean photo. */
    private static List<Scored> score(List<String[]> pairs, Map<String, Probe> probes, Map<String, Probe> clean) {
        List<Scored> scored = new ArrayList<>();
        for (String[] pair : pairs) {
            for (int side = 0; side < 2; side++) {
                Probe probe = probes.get(pair[side]);
                Probe reference = clean.get(pair[1 - side]);
                if (probe == null || !reference.found()) {
                    continue; // the clean photo itself has no face: not a measure of the probe's quality
                }
                boolean same = pair[2].equals("1");
                scored.add(probe.found()
                        ? new Scored(probe.measures(), probe.embedding().similarity(reference.embedding()), same, probe.poseYaw())
                        : new Scored(null, Double.NaN, same, null));
            }
        }
        return scored;
    }

    private void summarise(String label, List<Scored> scored) {
        long genuine = scored.stream().filter(Scored::same).count();
        long accepted = scored.stream().filter(s -> s.same() && s.similarity() >= threshold).count();
        long missed = scored.stream().filter(s -> s.measures() == null).count();
        long impostors = scored.stream().filter(s -> !s.same() && s.measures() != null).count();
        long falseMatches = scored.stream().filter(s -> !s.same() && s.similarity() >= threshold).count();
        System.out.printf(Locale.ROOT, "%-16s genuine accepted %4d/%4d (%.3f), no face %3d, false matches %d/%d%n",
                label, accepted, genuine, accepted / (double) genuine, missed, falseMatches, impostors);
    }

    /** TAR and FMR at the shipped threshold per bin of the factor; prints the table and plots it. */
    private void table(Path out, String name, String axis, List<Scored> scored, ToDoubleFunction<Scored> value,
                       double[] edges, double gate, boolean higherIsBetter) throws IOException {
        System.out.printf(Locale.ROOT, "%n== %s (gate %s)%n| %s | genuine pairs | TAR at %.2f | mean genuine similarity | impostor pairs | false matches |%n"
                + "| --- | ---: | ---: | ---: | ---: | ---: |%n", name, Double.isNaN(gate) ? "-" : String.format(Locale.ROOT, "%.3g", gate), axis, threshold);
        List<double[]> points = new ArrayList<>();
        List<double[]> bins = new ArrayList<>();
        List<Scored> found = scored.stream().filter(s -> s.measures() != null).toList();
        for (int b = 0; b + 1 < edges.length; b++) {
            double lo = edges[b];
            double hi = edges[b + 1];
            List<Scored> bin = found.stream().filter(s -> value.applyAsDouble(s) >= lo && value.applyAsDouble(s) < hi).toList();
            List<Scored> genuine = bin.stream().filter(Scored::same).toList();
            List<Scored> impostor = bin.stream().filter(s -> !s.same()).toList();
            if (bin.isEmpty()) {
                continue;
            }
            double tar = genuine.stream().filter(s -> s.similarity() >= threshold).count() / (double) Math.max(1, genuine.size());
            double mean = genuine.stream().mapToDouble(Scored::similarity).average().orElse(Double.NaN);
            long fm = impostor.stream().filter(s -> s.similarity() >= threshold).count();
            System.out.printf(Locale.ROOT, "| %s | %d | %s | %s | %d | %d |%n", range(lo, hi), genuine.size(),
                    genuine.isEmpty() ? "-" : String.format(Locale.ROOT, "%.3f", tar),
                    genuine.isEmpty() ? "-" : String.format(Locale.ROOT, "%.3f", mean), impostor.size(), fm);
            bins.add(new double[]{lo, hi, tar, genuine.size(), fm});
            if (!genuine.isEmpty()) {
                double centre = bin.stream().mapToDouble(value).sorted().skip(bin.size() / 2).findFirst().orElse(lo);
                points.add(new double[]{centre, tar, mean, impostor.isEmpty() ? 0 : fm / (double) impostor.size(), genuine.size()});
            }
        }
        for (double criterion : new double[]{RECOGNITION_TAR, ENROLLMENT_TAR}) {
            System.out.printf(Locale.ROOT, "gate by the rule (every bin on the accepted side: TAR >= %.2f, no false match): %.4g%n",
                    criterion, gate(bins, criterion, higherIsBetter));
        }
        plot(out.resolve(name + ".png"), name, axis, points, gate);
    }

    /**
     * The rule that sets a gate: walking the bins from the best value towards the worst, the gate is
     * the far edge of the last bin in which genuine pairs are still accepted at least {@code criterion}
     * of the time with no false match; bins with fewer than {@value #MIN_BIN_PAIRS} genuine pairs are
     * too small to stop the walk.
     */
    private static double gate(List<double[]> bins, double criterion, boolean higherIsBetter) {
        List<double[]> walk = new ArrayList<>(bins);
        if (higherIsBetter) {
            java.util.Collections.reverse(walk);
        }
        double gate = higherIsBetter ? walk.get(0)[1] : walk.get(0)[0];
        for (double[] bin : walk) {
            if (bin[3] >= MIN_BIN_PAIRS && (bin[2] < criterion || bin[4] > 0)) {
                break;
            }
            gate = higherIsBetter ? bin[0] : bin[1];
        }
        return gate;
    }

    /** How many natural photos (as they are) each gate set refuses, and for which issues. */
    private static void refusals(Map<String, Probe> clean) {
        for (var gates : Map.of("RECOGNITION", QualityGates.RECOGNITION, "ENROLLMENT", QualityGates.ENROLLMENT).entrySet()) {
            Map<String, Integer> issues = new java.util.TreeMap<>();
            long refused = clean.values().stream().filter(Probe::found).filter(p -> {
                var failed = gates.getValue().failed(p.measures());
                failed.forEach(i -> issues.merge(i.code(), 1, Integer::sum));
                return !failed.isEmpty();
            }).count();
            System.out.printf(Locale.ROOT, "%s gates refuse %d of %d identities/ photos with a face: %s%n", gates.getKey(), refused,
                    clean.values().stream().filter(Probe::found).count(), issues);
        }
    }

    /** How the landmark yaw proxy and the pose model agree, and which relates better to genuine similarity. */
    private void agreement(Map<String, Probe> clean) {
        List<Probe> found = clean.values().stream().filter(Probe::found).toList();
        double[] proxy = found.stream().mapToDouble(p -> Math.abs(p.measures().yaw())).toArray();
        double[] pose = found.stream().mapToDouble(p -> Math.abs(p.poseYaw())).toArray();
        System.out.printf(Locale.ROOT, "%nyaw: %d photos, Spearman(|proxy|, |pose model yaw|) = %.3f%n", found.size(), spearman(proxy, pose));
        clean.entrySet().stream().filter(e -> e.getValue().found())
                .sorted(Comparator.comparingDouble(e -> -Math.abs(e.getValue().measures().yaw()))).limit(12).forEach(e ->
                System.out.printf(Locale.ROOT, "  proxy %+.2f  pose %+.1f deg  %s%n", e.getValue().measures().yaw(), e.getValue().poseYaw(), e.getKey()));
    }

    private static double spearman(double[] a, double[] b) {
        double[] ra = ranks(a);
        double[] rb = ranks(b);
        double ma = mean(ra);
        double mb = mean(rb);
        double num = 0;
        double da = 0;
        double db = 0;
        for (int i = 0; i < ra.length; i++) {
            num += (ra[i] - ma) * (rb[i] - mb);
            da += (ra[i] - ma) * (ra[i] - ma);
            db += (rb[i] - mb) * (rb[i] - mb);
        }
        return num / Math.sqrt(da * db);
    }

    private static double[] ranks(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] ranks = new double[values.length];
        for (int r = 0; r < order.length; r++) {
            ranks[order[r]] = r;
        }
        return ranks;
    }

    private static double mean(double[] values) {
        return java.util.Arrays.stream(values).average().orElse(Double.NaN);
    }

    private static String range(double lo, double hi) {
        return hi >= 1e8 ? String.format(Locale.ROOT, ">= %.4g", lo) : String.format(Locale.ROOT, "%.4g-%.4g", lo, hi);
    }

    @SafeVarargs
    private static List<Scored> concat(List<Scored>... lists) {
        List<Scored> all = new ArrayList<>();
        for (List<Scored> list : lists) {
            all.addAll(list);
        }
        return all;
    }

    /** TAR (blue) and false-match rate (red) against the factor, the gate as a dashed line. */
    private static void plot(Path file, String title, String axis, List<double[]> points, double gate) throws IOException {
        int w = 720;
        int h = 420;
        int left = 60;
        int right = 20;
        int top = 40;
        int bottom = 60;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(title + ": TAR (blue) and false-match rate (red) at the shipped threshold; gate dashed", left, 20);
        g.drawString(axis + " (bin medians; log scale when the range spans > 20x)", left, h - 15);
        g.drawRect(left, top, w - left - right, h - top - bottom);
        if (points.isEmpty()) {
            ImageIO.write(image, "png", file.toFile());
            return;
        }
        double min = points.stream().mapToDouble(p -> p[0]).min().orElse(0);
        double max = points.stream().mapToDouble(p -> p[0]).max().orElse(1);
        if (!Double.isNaN(gate)) {
            min = Math.min(min, gate);
            max = Math.max(max, gate);
        }
        boolean log = min > 0 && max / min > 20;
        double lo = log ? Math.log(min) : min;
        double hi = log ? Math.log(max) : max;
        if (hi == lo) {
            hi = lo + 1;
        }
        int plotW = w - left - right;
        int plotH = h - top - bottom;
        final double fLo = lo;
        final double fHi = hi;
        ToDoubleFunction<Double> xOf = v -> left + plotW * ((log ? Math.log(v) : v) - fLo) / (fHi - fLo);
        for (double y = 0; y <= 1.0001; y += 0.25) {
            int py = (int) (top + plotH * (1 - y));
            g.setColor(Color.LIGHT_GRAY);
            g.drawLine(left, py, left + plotW, py);
            g.setColor(Color.BLACK);
            g.drawString(String.format(Locale.ROOT, "%.2f", y), 20, py + 4);
        }
        for (double[] p : points) {
            int px = (int) xOf.applyAsDouble(p[0]);
            g.drawString(String.format(Locale.ROOT, "%.3g", p[0]), px - 12, top + plotH + 15);
        }
        g.setStroke(new BasicStroke(2));
        for (int series = 1; series <= 3; series += 2) {
            g.setColor(series == 1 ? Color.BLUE : Color.RED);
            int[] xs = points.stream().mapToInt(p -> (int) xOf.applyAsDouble(p[0])).toArray();
            final int s = series;
            int[] ys = points.stream().mapToInt(p -> (int) (top + plotH * (1 - p[s]))).toArray();
            g.drawPolyline(xs, ys, xs.length);
            for (int i = 0; i < xs.length; i++) {
                g.fillOval(xs[i] - 3, ys[i] - 3, 6, 6);
            }
        }
        if (!Double.isNaN(gate)) {
            g.setColor(new Color(0, 120, 0));
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[]{6, 4}, 0));
            int gx = (int) xOf.applyAsDouble(gate);
            g.drawLine(gx, top, gx, top + plotH);
            g.drawString("gate " + String.format(Locale.ROOT, "%.3g", gate), gx + 4, top + 14);
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }
}
