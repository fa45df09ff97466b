package io.facegate.identification;

import io.facegate.recognition.FaceEmbedding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * 1:N search speed and memory at 10k and 100k synthetic templates per client. Skipped unless
 * {@code -Dfacegate.bench=true}; the command and the latest figures are in
 * docs/benchmarks/identification.md.
 */
@EnabledIfSystemProperty(named = "facegate.bench", matches = "true")
class GalleryIndexBenchmark {

    private static final int ROUNDS = Integer.getInteger("facegate.bench.rounds", 3);
    private static final double THRESHOLD = 0.40;
    private static final double MARGIN = 0.05;

    /** Where the brute-force loop leaves its result, so that the JIT cannot drop the loop. */
    private static volatile double bestSimilarity;

    @Test
    void run() {
        System.out.printf(Locale.ROOT, "%ncores %d, %s %s, max heap %d MB%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        for (int size : new int[]{10_000, 100_000}) {
            gallery(size);
        }
    }

    private static void gallery(int size) {
        Random random = new Random(size);
        List<FaceEmbedding> templates = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            templates.add(Embeddings.random(random));
        }
        long before = usedHeap();
        GalleryIndex index = new GalleryIndex();
        List<UUID> people = new ArrayList<>(size);
        for (FaceEmbedding template : templates) {
            UUID person = UUID.randomUUID();
            index.put(person, template);
            people.add(person);
        }
        double bytesPerTemplate = (double) (usedHeap() - before) / size;

        // Half the probes are strangers (no match), half a new photo of someone enrolled (similarity ~0.7).
        int[] next = {0};
        Supplier<FaceEmbedding> probe = () -> next[0]++ % 2 == 0 ? Embeddings.random(random)
                : Embeddings.near(templates.get(random.nextInt(size)), 1, random);
        List<FaceEmbedding> probes = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            probes.add(probe.get());
        }
        long matched = probes.stream().filter(p -> index.search(p, THRESHOLD, MARGIN).best().isPresent()).count();
        int searches = ROUNDS * 1_000_000 / size * 10;
        Timings search = time(searches, i -> index.search(probes.get(i % probes.size()), THRESHOLD, MARGIN));
        Timings bruteForce = time(Math.max(20, searches / 10), i -> {
            FaceEmbedding p = probes.get(i % probes.size());
            double best = -1;
            for (FaceEmbedding template : templates) {
                best = Math.max(best, template.similarity(p));
            }
            bestSimilarity = best;
        });
        Timings put = time(2000, i -> index.put(people.get(i % size), templates.get((i + 1) % size)));
        Timings removeAndPut = time(2000, i -> {
            UUID person = people.get(random.nextInt(size));
            index.remove(person);
            index.put(person, templates.get(i % size));
        });

        System.out.printf(Locale.ROOT, "%n%,d templates: %.0f bytes/template on the heap (%,d floats held)%n",
                size, bytesPerTemplate, index.capacityFloats());
        System.out.printf(Locale.ROOT, "  search (threshold %.2f, margin %.2f): median %.3f ms, p99 %.3f ms, CPU median %.3f ms"
                        + " over %d searches (%d of %d probes match)%n", THRESHOLD, MARGIN, search.median(), search.p99(),
                search.cpuMedian(), searches, matched, probes.size());
        System.out.printf(Locale.ROOT, "  for comparison, FaceEmbedding.similarity on every template: median %.3f ms, CPU median %.3f ms%n",
                bruteForce.median(), bruteForce.cpuMedian());
        System.out.printf(Locale.ROOT, "  re-enrol (put, replacing): median %.4f ms; remove + put: median %.4f ms%n",
                put.median(), removeAndPut.median());
    }

    private interface Call {
        void run(int i);
    }

    /**
     * Wall and CPU time of each of {@code runs} calls, in ms, sorted, after a tenth as many untimed
     * ones. CPU time shows the cost without the waits a machine shared with other work adds.
     */
    private static Timings time(int runs, Call call) {
        for (int i = 0; i < Math.max(10, runs / 10); i++) {
            call.run(i);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] wallMs = new double[runs];
        double[] cpuMs = new double[runs];
        for (int i = 0; i < runs; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            call.run(i);
            wallMs[i] = (System.nanoTime() - start) / 1e6;
            cpuMs[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
        }
        Arrays.sort(wallMs);
        Arrays.sort(cpuMs);
        return new Timings(wallMs, cpuMs);
    }

    private record Timings(double[] wallMs, double[] cpuMs) {

        double median() {
            return percentile(wallMs, 50);
        }

        double p99() {
            return percentile(wallMs, 99);
        }

        double cpuMedian() {
            return percentile(cpuMs, 50);
        }
    }

    private static double percentile(double[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)];
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
