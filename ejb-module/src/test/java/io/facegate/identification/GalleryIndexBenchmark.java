package io.facegate.identification;

import io.facegate.recognition.DecodedImage;
import io.facegate.recognition.DetectedFace;
import io.facegate.recognition.FaceAttribute;
import io.facegate.recognition.FaceEmbedding;
import io.facegate.recognition.RecognitionSettings;
import io.facegate.recognition.TestData;
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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Stream;

/**
 * 1:N search at 10k, 100k and 1M templates of one client: speed (p50/p99), heap per template,
 * recall@1 against exact search, and false matches at the shipped threshold and under
 * {@link FalseMatchPolicy}. Skipped unless {@code -Dfacegate.bench=true}; the command and the latest
 * figures are in docs/benchmarks/identification.md.
 * <p>
 * Queries are real: embeddings of ../shared/data/identities. Half the identities are enrolled (their
 * first photo is the template, planted among the distractors), their other photos are the mated
 * queries; the other half's photos are strangers' queries. Distractors are synthetic but drawn to
 * match real faces' impostor similarities: g ~ N(0, beta S + (1 - beta) I / 512), normalised, with
 * S the second moment of the identities' mean embeddings and beta chosen so that the similarities
 * of the real queries to distractors have the spread measured between real photos of different people.
 * <p>
 * {@code -Dfacegate.bench.sizes=10000,100000,1000000} chooses the gallery sizes, {@code
 * -Dfacegate.bench.rounds=N} (default 3) scales the number of timed searches. 1M needs a heap of
 * about 2 GB: {@code -Dfacegate.test.heap=3g}.
 */
@EnabledIfSystemProperty(named = "facegate.bench", matches = "true")
class GalleryIndexBenchmark {

    private static final int ROUNDS = Integer.getInteger("facegate.bench.rounds", 3);
    private static final double SHIPPED_THRESHOLD = RecognitionSettings.DEFAULT_MATCH_THRESHOLD;
    private static final double MARGIN = 0.05;
    private static final FalseMatchPolicy POLICY = new FalseMatchPolicy(FalseMatchPolicy.DEFAULT_RATE);
    private static final int D = FaceEmbedding.DIMENSIONS;

    private static final Helpers HELPERS = new Helpers();

    /** Where the exact loops leave a result, so that the JIT cannot drop them. */
    private static volatile double sink;

    private record Query(String identity, FaceEmbedding embedding, boolean mated) {
    }

    @Test
    void run() {
        System.out.printf(Locale.ROOT, "%ncores %d, %s %s, max heap %d MB%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        Map<String, List<FaceEmbedding>> identities = realEmbeddings();
        double[] impostors = impostorSimilarities(identities);
        System.out.printf(Locale.ROOT, "real faces: %d identities; impostor similarity between photos of different people (%d pairs):"
                        + " mean %.4f, sd %.4f, max %.3f%n", identities.size(), impostors.length, mean(impostors), sd(impostors),
                Arrays.stream(impostors).max().orElseThrow());

        // Even identities are enrolled (first photo), odd ones are strangers.
        List<String> names = identities.keySet().stream().sorted().toList();
        Map<UUID, FaceEmbedding> planted = new HashMap<>();
        Map<UUID, String> plantedNames = new HashMap<>();
        List<Query> queries = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            List<FaceEmbedding> photos = identities.get(names.get(i));
            boolean enrolled = i % 2 == 0;
            if (enrolled) {
                UUID person = UUID.randomUUID();
                planted.put(person, photos.get(0));
                plantedNames.put(person, names.get(i));
            }
            for (FaceEmbedding photo : enrolled ? photos.subList(1, photos.size()) : photos) {
                queries.add(new Query(names.get(i), photo, enrolled));
            }
        }
        Distractors distractors = Distractors.calibrated(identities, queries, sd(impostors));
        System.out.printf(Locale.ROOT, "distractors: beta %.3f; similarity of the %d real queries to distractors: mean %.4f, sd %.4f%n",
                distractors.beta, queries.size(), distractors.queryMean, distractors.querySd);
        System.out.printf(Locale.ROOT, "queries: %d mated (%d identities enrolled), %d strangers; shipped threshold %.2f, margin %.2f,"
                + " policy false-match rate %.0e%n", queries.stream().filter(Query::mated).count(), planted.size(),
                queries.stream().filter(q -> !q.mated()).count(), SHIPPED_THRESHOLD, MARGIN, POLICY.rate());

        for (String size : System.getProperty("facegate.bench.sizes", "10000,100000,1000000").split(",")) {
            gallery(Integer.parseInt(size.trim()), distractors, planted, plantedNames, queries);
        }
    }

    private static void gallery(int size, Distractors distractors, Map<UUID, FaceEmbedding> planted,
                                Map<UUID, String> plantedNames, List<Query> queries) {
        int distractorCount = size - planted.size();
        // Distractor i is person (0, i): regenerated on demand instead of holding 2 KB per template.
        GalleryIndex.TemplateSource source = people -> {
            Map<UUID, FaceEmbedding> found = new HashMap<>();
            for (UUID person : people) {
                found.put(person, planted.containsKey(person) ? planted.get(person)
                        : distractors.template((int) person.getLeastSignificantBits()));
            }
            return found;
        };

        long before = usedHeap();
        long buildStart = System.nanoTime();
        GalleryIndex index = new GalleryIndex(1, new SearchThreads(HELPERS, HELPERS.count));
        for (int i = 0; i < distractorCount; i++) {
            index.put(new UUID(0, i), distractors.template(i));
        }
        planted.forEach(index::put);
        double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
        double bytesPerTemplate = (double) (usedHeap() - before) / size;

        // Exact answers: every template compared with every query, streaming the distractors once.
        double[] exactBest = new double[queries.size()];
        UUID[] exactBestId = new UUID[queries.size()];
        Arrays.fill(exactBest, Double.NEGATIVE_INFINITY);
        List<List<GalleryMatch>> aboveFloor = new ArrayList<>();
        double floor = Math.min(SHIPPED_THRESHOLD, POLICY.threshold(size)) - MARGIN;
        queries.forEach(q -> aboveFloor.add(new ArrayList<>()));
        List<UUID> plantedPeople = List.copyOf(planted.keySet());
        for (int i = 0; i < distractorCount + plantedPeople.size(); i++) {
            UUID person = i < distractorCount ? new UUID(0, i) : plantedPeople.get(i - distractorCount);
            FaceEmbedding template = i < distractorCount ? distractors.template(i) : planted.get(person);
            for (int q = 0; q < queries.size(); q++) {
                // The float dot product is within 1e-5 of similarity(): compute that only where it can matter.
                float approximate = TemplateRows.dot(template.values(), 0, queries.get(q).embedding().values());
                if (approximate < Math.min(floor, exactBest[q]) - 1e-5) {
                    continue;
                }
                double similarity = template.similarity(queries.get(q).embedding());
                if (similarity > exactBest[q]) {
                    exactBest[q] = similarity;
                    exactBestId[q] = person;
                }
                if (similarity >= floor) {
                    aboveFloor.get(q).add(new GalleryMatch(person, similarity));
                }
            }
        }
        double policyThreshold = POLICY.threshold(size);
        System.out.printf(Locale.ROOT, "%n%,d templates (%,d distractors + %d enrolled): built in %.1f s, %.0f bytes/template on the heap;"
                + " policy threshold %.3f%n", size, distractorCount, planted.size(), buildSeconds, bytesPerTemplate, policyThreshold);

        for (double threshold : new double[]{SHIPPED_THRESHOLD, policyThreshold}) {
            int agree = 0;
            int strangersMatched = 0;
            int strangers = 0;
            int matedIdentified = 0;
            int mated = 0;
            for (int q = 0; q < queries.size(); q++) {
                Query query = queries.get(q);
                GallerySearch search = index.search(query.embedding(), threshold, MARGIN, source);
                GallerySearch exact = exactSearch(aboveFloor.get(q), threshold, size);
                if (search.equals(exact)) {
                    agree++;
                }
                if (query.mated()) {
                    mated++;
                    if (exact.best().map(b -> query.identity().equals(plantedNames.get(b.clientUserId()))).orElse(false)
                            && !exact.ambiguous()) {
                        matedIdentified++;
                    }
                } else {
                    strangers++;
                    if (exact.best().isPresent()) {
                        strangersMatched++;
                    }
                }
            }
            Timings timings = time(queries, index, threshold, source, size);
            HELPERS.refusing = true;
            Timings alone = time(queries, index, threshold, source, size);
            HELPERS.refusing = false;
            System.out.printf(Locale.ROOT, "  threshold %.3f: search p50 %.2f ms, p99 %.2f ms (CPU p50 %.2f ms, all threads); searching"
                            + " thread alone p50 %.2f ms, p99 %.2f ms (CPU p50 %.2f ms); same result as exact search %d/%d;"
                            + " strangers matched (false match) %d/%d; mated queries identified %d/%d%n",
                    threshold, timings.median(), timings.p99(), timings.cpuMedian(), alone.median(), alone.p99(), alone.cpuMedian(),
                    agree, queries.size(), strangersMatched, strangers, matedIdentified, mated);
        }

        int matedRecall = 0;
        int strangerRecall = 0;
        int mated = 0;
        for (int q = 0; q < queries.size(); q++) {
            Optional<GalleryMatch> best = index.search(queries.get(q).embedding(), -1, 0, source).best();
            boolean same = best.isPresent() && best.get().clientUserId().equals(exactBestId[q]);
            if (queries.get(q).mated()) {
                mated++;
                matedRecall += same ? 1 : 0;
            } else {
                strangerRecall += same ? 1 : 0;
            }
        }
        double[] strangerBest = new double[queries.size() - mated];
        for (int q = 0, s = 0; q < queries.size(); q++) {
            if (!queries.get(q).mated()) {
                strangerBest[s++] = exactBest[q];
            }
        }
        Arrays.sort(strangerBest);
        System.out.printf(Locale.ROOT, "  recall@1 against exact search (any similarity): mated %d/%d, strangers %d/%d;"
                        + " a stranger's best similarity: median %.3f, max %.3f%n", matedRecall, mated, strangerRecall,
                queries.size() - mated, strangerBest[strangerBest.length / 2], strangerBest[strangerBest.length - 1]);
        if (size <= 100_000) {
            exactIndex(size, distractors, distractorCount, planted, queries);
        }
        sink += index.size();
    }

    /** The float index at the same size, for the crossover: its search time and heap. */
    private static void exactIndex(int size, Distractors distractors, int distractorCount, Map<UUID, FaceEmbedding> planted,
                                   List<Query> queries) {
        long before = usedHeap();
        GalleryIndex index = new GalleryIndex();
        for (int i = 0; i < distractorCount; i++) {
            index.put(new UUID(0, i), distractors.template(i));
        }
        planted.forEach(index::put);
        double bytesPerTemplate = (double) (usedHeap() - before) / size;
        Timings timings = time(queries, index, POLICY.threshold(size), null, size);
        System.out.printf(Locale.ROOT, "  float index for comparison: %.0f bytes/template, search p50 %.2f ms, p99 %.2f ms (CPU p50 %.2f ms)%n",
                bytesPerTemplate, timings.median(), timings.p99(), timings.cpuMedian());
        sink += index.size();
    }

    private static GallerySearch exactSearch(List<GalleryMatch> candidates, double threshold, int size) {
        return GallerySearch.of(candidates.stream().filter(m -> m.similarity() >= threshold).toList(), MARGIN, size);
    }

    private static Timings time(List<Query> queries, GalleryIndex index, double threshold, GalleryIndex.TemplateSource source, int size) {
        int searches = Math.max(100, ROUNDS * 20_000_000 / size);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] wall = new double[searches];
        double[] cpu = new double[searches];
        for (int i = -Math.min(200, searches); i < searches; i++) {
            FaceEmbedding probe = queries.get(Math.floorMod(i, queries.size())).embedding();
            long cpuStart = threads.getCurrentThreadCpuTime() + HELPERS.cpuNanos();
            long start = System.nanoTime();
            GallerySearch search = source == null ? index.search(probe, threshold, MARGIN) : index.search(probe, threshold, MARGIN, source);
            if (i >= 0) {
                wall[i] = (System.nanoTime() - start) / 1e6;
                cpu[i] = (threads.getCurrentThreadCpuTime() + HELPERS.cpuNanos() - cpuStart) / 1e6;
            }
            sink += search.searched();
        }
        return new Timings(wall, cpu);
    }

    /**
     * The helper threads of a compact search, as {@code FaceGallery} has them: one per core besides
     * the searching thread's. The CPU time of a search is the searching thread's and theirs; while
     * {@link #refusing}, searches run on the searching thread alone (the case of concurrent searches
     * that find the helpers busy).
     */
    private static final class Helpers implements Executor {

        private final int count = Runtime.getRuntime().availableProcessors() - 1;
        private final List<Thread> threads = new CopyOnWriteArrayList<>();
        private final ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, count), task -> {
            Thread thread = new Thread(task, "search-helper");
            thread.setDaemon(true);
            threads.add(thread);
            return thread;
        });
        private volatile boolean refusing;

        @Override
        public void execute(Runnable task) {
            if (refusing) {
                throw new RejectedExecutionException("timing the searching thread alone");
            }
            pool.execute(task);
        }

        long cpuNanos() {
            ThreadMXBean bean = ManagementFactory.getThreadMXBean();
            return threads.stream().mapToLong(thread -> Math.max(0, bean.getThreadCpuTime(thread.getId()))).sum();
        }
    }

    private record Timings(double[] wall, double[] cpu) {

        Timings {
            Arrays.sort(wall);
            Arrays.sort(cpu);
        }

        double median() {
            return wall[wall.length / 2];
        }

        double p99() {
            return wall[Math.min(wall.length - 1, wall.length * 99 / 100)];
        }

        double cpuMedian() {
            return cpu[cpu.length / 2];
        }
    }

    /**
     * Synthetic faces whose similarities to real faces spread like real impostors': normalised
     * samples of N(0, beta S + (1 - beta) I / 512), S = the second moment of the identities' (unit)
     * mean embeddings. Distractor i is always the same vector (seeded by i).
     */
    private static final class Distractors {

        private final float[][] means;
        private final double beta;
        private double queryMean;
        private double querySd;

        private Distractors(float[][] means, double beta) {
            this.means = means;
            this.beta = beta;
        }

        /** Bisects beta until the queries' similarities to 2,000 distractors have the impostors' spread. */
        static Distractors calibrated(Map<String, List<FaceEmbedding>> identities, List<Query> queries, double impostorSd) {
            float[][] means = identities.values().stream().map(photos -> FaceEmbedding.mean(photos).values()).toArray(float[][]::new);
            double low = 0;
            double high = 1;
            Distractors distractors = null;
            for (int step = 0; step < 20; step++) {
                distractors = new Distractors(means, (low + high) / 2);
                distractors.measure(queries);
                if (distractors.querySd < impostorSd) {
                    low = distractors.beta;
                } else {
                    high = distractors.beta;
                }
            }
            return distractors;
        }

        private void measure(List<Query> queries) {
            double[] similarities = new double[queries.size() * 2000];
            for (int i = 0; i < 2000; i++) {
                FaceEmbedding distractor = template(Integer.MAX_VALUE - i);
                for (int q = 0; q < queries.size(); q++) {
                    similarities[i * queries.size() + q] = distractor.similarity(queries.get(q).embedding());
                }
            }
            queryMean = mean(similarities);
            querySd = sd(similarities);
        }

        FaceEmbedding template(int i) {
            SplittableRandom random = new SplittableRandom(0x9E3779B97F4A7C15L * (i + 1));
            double[] g = new double[D];
            double isotropic = Math.sqrt((1 - beta) / D);
            for (int k = 0; k < D; k++) {
                g[k] = isotropic * random.nextGaussian();
            }
            double structured = Math.sqrt(beta / means.length);
            for (float[] mean : means) {
                double z = structured * random.nextGaussian();
                for (int k = 0; k < D; k++) {
                    g[k] += z * mean[k];
                }
            }
            double norm = 0;
            for (double v : g) {
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            float[] values = new float[D];
            for (int k = 0; k < D; k++) {
                values[k] = (float) (g[k] / norm);
            }
            return FaceEmbedding.mean(List.of(new FaceEmbedding(values)));
        }
    }

    /** Identity folder name -> the largest face's embedding of each of its photos with a face. */
    private static Map<String, List<FaceEmbedding>> realEmbeddings() {
        Map<String, List<FaceEmbedding>> identities = new HashMap<>();
        try (Stream<Path> folders = Files.list(TestData.data("identities"))) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(folder)) {
                    List<FaceEmbedding> photos = new ArrayList<>();
                    for (Path file : files.sorted().toList()) {
                        try (DecodedImage image = TestData.image(file)) {
                            List<DetectedFace> faces = TestData.engine().analyze(image, java.util.Set.of(FaceAttribute.EMBEDDING));
                            if (!faces.isEmpty()) {
                                photos.add(faces.get(0).embedding());
                            }
                        }
                    }
                    if (photos.size() >= 2) {
                        identities.put(folder.getFileName().toString(), photos);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return identities;
    }

    private static double[] impostorSimilarities(Map<String, List<FaceEmbedding>> identities) {
        List<String> names = identities.keySet().stream().sorted().toList();
        List<Double> similarities = new ArrayList<>();
        for (int a = 0; a < names.size(); a++) {
            for (int b = a + 1; b < names.size(); b++) {
                for (FaceEmbedding x : identities.get(names.get(a))) {
                    for (FaceEmbedding y : identities.get(names.get(b))) {
                        similarities.add(x.similarity(y));
                    }
                }
            }
        }
        return similarities.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    private static double sd(double[] values) {
        double mean = mean(values);
        return Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).average().orElse(Double.NaN));
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
