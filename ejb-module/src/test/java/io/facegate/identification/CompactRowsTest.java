package io.facegate.identification;

import io.facegate.recognition.FaceEmbedding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.facegate.identification.Embeddings.near;
import static io.facegate.identification.Embeddings.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The candidates of a compact search are exactly those of the selection written out plainly (every
 * row's distances, then the cut-offs), however many threads share the passes and whatever the order
 * of the rows does to the estimated cut-off.
 */
class CompactRowsTest {

    private static final int WANTED = 300;

    private final Random random = new Random(20261130);
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final List<SearchThreads> threadings = List.of(SearchThreads.CALLER_ONLY, new SearchThreads(pool, 1),
            new SearchThreads(pool, 2));

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    }

    /** Random rows over several blocks, planted look-alikes of the probes, and strangers' probes. */
    @Test
    void selectsWhatThePlainSelectionSelects() {
        List<float[]> rows = new ArrayList<>();
        for (int i = 0; i < 3 * CompactRows.SIGN_BLOCK_ROWS + 1234; i++) {
            rows.add(random(random).values());
        }
        List<FaceEmbedding> probes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            FaceEmbedding person = new FaceEmbedding(rows.get(random.nextInt(rows.size())));
            for (int copy = 0; copy < 20; copy++) {
                rows.set(random.nextInt(rows.size()), near(person, 1 + 2 * random.nextDouble(), random).values());
            }
            probes.add(near(person, 0.5 + random.nextDouble(), random));
            probes.add(random(random));
        }
        assertSameSelection(rows, probes);
    }

    /**
     * The cut-off is estimated from the first rows of each block: rows there that are all close to the
     * probe make it too tight (the pass is redone without it), rows there that are all far make it too
     * loose (threads tighten it as they go: here after a first block that is most of the gallery, so
     * that tightening beyond what the gallery's nearest rows are within would lose some).
     */
    @Test
    void anUnrepresentativeSampleChangesNothing() {
        FaceEmbedding probe = random(random);
        float[] opposite = probe.values().clone();
        for (int i = 0; i < opposite.length; i++) {
            opposite[i] = -opposite[i];
        }
        for (boolean close : new boolean[]{true, false}) {
            List<float[]> rows = new ArrayList<>();
            for (int i = 0; i < CompactRows.SIGN_BLOCK_ROWS + 1000; i++) {
                boolean sampled = i % CompactRows.SIGN_BLOCK_ROWS < 256;
                rows.add(!sampled ? random(random).values()
                        : close ? near(probe, 1.5, random).values() : near(new FaceEmbedding(opposite), 0.3, random).values());
            }
            assertSameSelection(rows, List.of(probe, near(probe, 1, random), random(random)));
        }
    }

    /** A gallery smaller than what a search keeps: every row is a candidate. */
    @Test
    void aSmallGalleryKeepsEveryRow() {
        List<float[]> rows = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            rows.add(random(random).values());
        }
        assertSameSelection(rows, List.of(random(random)));
    }

    private void assertSameSelection(List<float[]> rows, List<FaceEmbedding> probes) {
        CompactRows codes = new CompactRows();
        rows.forEach(codes::append);
        List<boolean[]> rowSigns = rows.stream().map(CompactRowsTest::signs).toList();
        for (FaceEmbedding probe : probes) {
            int[] expected = plainSelection(rowSigns, probe.values());
            float[] similarities = null;
            for (SearchThreads threads : threadings) {
                CompactRows.Candidates candidates = codes.nearest(probe.values(), WANTED, threads);
                int[] order = sortedOrder(candidates);
                int[] selected = new int[order.length];
                float[] approximate = new float[order.length];
                for (int i = 0; i < order.length; i++) {
                    selected[i] = candidates.rows()[order[i]];
                    approximate[i] = candidates.similarities()[order[i]];
                    double exact = new FaceEmbedding(rows.get(selected[i])).similarity(probe);
                    assertEquals(exact, approximate[i], GalleryIndex.APPROXIMATION_TOLERANCE);
                }
                assertArrayEquals(expected, selected, threads.parallelism() + " threads");
                if (similarities != null) {
                    assertArrayEquals(similarities, approximate);
                }
                similarities = approximate;
            }
        }
    }

    private static int[] sortedOrder(CompactRows.Candidates candidates) {
        return IntStream.range(0, candidates.count()).boxed()
                .sorted((a, b) -> Integer.compare(candidates.rows()[a], candidates.rows()[b]))
                .mapToInt(Integer::intValue).toArray();
    }

    /**
     * The rows whose 512-bit sign distance is among the {@code WANTED} smallest of those whose first
     * 256 bits' distance is among the {@code keep} smallest (ties at either cut-off included).
     */
    private static int[] plainSelection(List<boolean[]> rows, float[] probe) {
        boolean[] probeSigns = signs(probe);
        int[] low = new int[rows.size()];
        int[] full = new int[rows.size()];
        for (int row = 0; row < rows.size(); row++) {
            boolean[] signs = rows.get(row);
            for (int i = 0; i < signs.length; i++) {
                if (signs[i] != probeSigns[i]) {
                    full[row]++;
                    low[row] += i < signs.length / 2 ? 1 : 0;
                }
            }
            low[row] = Math.min(255, low[row]);
        }
        int keep = (int) Math.min(rows.size(), Math.max(Math.ceil(CompactRows.PREFILTER_SHARE * rows.size()), 2 * WANTED));
        int lowCutoff = Arrays.stream(low).sorted().toArray()[keep - 1];
        int[] fullOfNearest = IntStream.range(0, rows.size()).filter(row -> low[row] <= lowCutoff)
                .map(row -> full[row]).sorted().toArray();
        int fullCutoff = fullOfNearest[Math.min(WANTED, fullOfNearest.length) - 1];
        return IntStream.range(0, rows.size())
                .filter(row -> low[row] <= lowCutoff && full[row] <= fullCutoff).toArray();
    }

    private static boolean[] signs(float[] values) {
        float[] rotated = Rotation.rotate(values);
        boolean[] negative = new boolean[rotated.length];
        for (int i = 0; i < rotated.length; i++) {
            negative[i] = rotated[i] < 0;
        }
        return negative;
    }
}
