package io.facegate.identification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Face templates as compact codes of their {@link Rotation rotated} coordinates, rows 0..size-1,
 * for galleries too large to scan as floats: 320 bytes per template instead of 2,048.
 * <ul>
 *   <li>the sign of each coordinate: 512 bits, kept as two 256-bit halves in separate arrays;</li>
 *   <li>each coordinate rounded to one of 15 levels (-7..7 times {@link #LEVEL_STEP}), two per byte.</li>
 * </ul>
 * {@link #nearest} narrows a search in three passes: the Hamming distance of the first halves of the
 * sign codes over every row (four popcounts per row), the full 512-bit distance for the rows that
 * pass, and for the closest of those an approximate dot product of the probe with the 4-bit levels.
 * It returns approximate similarities; exact ones need the templates themselves ({@link GalleryIndex}).
 * A search spreads each pass over the {@link SearchThreads} it is given, in chunks, and keeps only
 * the rows within a running cut-off while it passes over every row, so it never holds a distance per
 * row of the gallery. Not thread-safe: {@link GalleryIndex} guards it (a search only reads, and returns
 * once every thread it used is done).
 */
final class CompactRows {

    /**
     * Rows per block of sign-code halves and per block of levels, 256 KiB each: under G1's
     * humongous-object size for 1 MiB regions.
     */
    static final int SIGN_BLOCK_ROWS = 8192;
    static final int LEVEL_BLOCK_ROWS = 1024;
    private static final int WORDS = Rotation.DIMENSIONS / 64;
    private static final int HALF_WORDS = WORDS / 2;
    private static final int LEVEL_BYTES = Rotation.DIMENSIONS / 2;
    static final int BYTES_PER_ROW = WORDS * Long.BYTES + LEVEL_BYTES;
    /**
     * Rotated coordinates of unit vectors are close to N(0, 1/512) (sd 0.0442): a step of 0.35 sd
     * is about the mean-squared-error optimum for 15 uniform levels of a Gaussian. The resulting
     * dot-product error has an sd of about 0.005 (measured: docs/benchmarks/identification.md).
     */
    static final float LEVEL_STEP = 0.35f / (float) Math.sqrt(Rotation.DIMENSIONS);
    /** Share of the rows the first-half Hamming pass lets through to the full distance. */
    static final double PREFILTER_SHARE = 0.04;
    /** Low-half distances are kept in a byte: 256 (every sign differs) counts as 255. */
    private static final int MAX_LOW_DISTANCE = 255;
    /** Rows at the start of each block whose low-half distances estimate the cut-off of the pass over all rows. */
    private static final int SAMPLE_ROWS = 256;
    /**
     * The estimate aims at this many times the rows needed, plus a few samples: a sample's quantile
     * is off by a few percent, and an estimate that keeps too few rows costs a second pass.
     */
    private static final double ESTIMATE_SLACK = 1.25;
    private static final int ESTIMATE_EXTRA_SAMPLES = 8;
    /** A thread holding this many times the rows needed drops those beyond the distance that enough of them are within. */
    private static final int HELD_PER_KEPT = 3;
    /** Rows per chunk of the full-distance pass and per chunk of the levels pass, as threads claim them. */
    private static final int FULL_DISTANCE_CHUNK = 4096;
    private static final int LEVEL_CHUNK = 128;

    /** The rows closest to a probe, with approximate similarities. */
    record Candidates(int[] rows, float[] similarities, int count) {
    }

    /**
     * Signs of coordinates 0-255 (four words per row) and 256-511: apart, so that the pass over
     * every row reads 32 bytes a row, not 64; memory bandwidth is what bounds it.
     */
    private final List<long[]> lowHalves = new ArrayList<>();
    private final List<long[]> highHalves = new ArrayList<>();
    private final List<byte[]> levels = new ArrayList<>();
    private int size;

    int size() {
        return size;
    }

    /** Bytes held by the codes, unused block space included. */
    long bytesHeld() {
        return (long) lowHalves.size() * SIGN_BLOCK_ROWS * WORDS * Long.BYTES + (long) levels.size() * LEVEL_BLOCK_ROWS * LEVEL_BYTES;
    }

    void append(float[] values) {
        if (size == lowHalves.size() * SIGN_BLOCK_ROWS) {
            lowHalves.add(new long[SIGN_BLOCK_ROWS * HALF_WORDS]);
            highHalves.add(new long[SIGN_BLOCK_ROWS * HALF_WORDS]);
        }
        if (size == levels.size() * LEVEL_BLOCK_ROWS) {
            levels.add(new byte[LEVEL_BLOCK_ROWS * LEVEL_BYTES]);
        }
        size++;
        set(size - 1, values);
    }

    void set(int row, float[] values) {
        float[] x = Rotation.rotate(values);
        long[] words = signWords(x);
        int signOffset = row % SIGN_BLOCK_ROWS * HALF_WORDS;
        System.arraycopy(words, 0, lowHalves.get(row / SIGN_BLOCK_ROWS), signOffset, HALF_WORDS);
        System.arraycopy(words, HALF_WORDS, highHalves.get(row / SIGN_BLOCK_ROWS), signOffset, HALF_WORDS);
        byte[] rowLevels = levels.get(row / LEVEL_BLOCK_ROWS);
        int levelOffset = row % LEVEL_BLOCK_ROWS * LEVEL_BYTES;
        for (int j = 0; j < LEVEL_BYTES; j++) {
            rowLevels[levelOffset + j] = (byte) ((level(x[2 * j]) & 0xF) | level(x[2 * j + 1]) << 4);
        }
    }

    /** Removes {@code row} by moving the last row into its place (the row numbers of all others stay). */
    void removeByMovingLast(int row) {
        int last = size - 1;
        if (row != last) {
            int from = last % SIGN_BLOCK_ROWS * HALF_WORDS;
            int to = row % SIGN_BLOCK_ROWS * HALF_WORDS;
            System.arraycopy(lowHalves.get(last / SIGN_BLOCK_ROWS), from, lowHalves.get(row / SIGN_BLOCK_ROWS), to, HALF_WORDS);
            System.arraycopy(highHalves.get(last / SIGN_BLOCK_ROWS), from, highHalves.get(row / SIGN_BLOCK_ROWS), to, HALF_WORDS);
            System.arraycopy(levels.get(last / LEVEL_BLOCK_ROWS), last % LEVEL_BLOCK_ROWS * LEVEL_BYTES,
                    levels.get(row / LEVEL_BLOCK_ROWS), row % LEVEL_BLOCK_ROWS * LEVEL_BYTES, LEVEL_BYTES);
        }
        size = last;
        if (size == (lowHalves.size() - 1) * SIGN_BLOCK_ROWS) {
            lowHalves.remove(lowHalves.size() - 1);
            highHalves.remove(highHalves.size() - 1);
        }
        if (size == (levels.size() - 1) * LEVEL_BLOCK_ROWS) {
            levels.remove(levels.size() - 1);
        }
    }

    /**
     * About the {@code wanted} rows nearest to {@code probe} by sign code, each with its approximate
     * similarity from the 4-bit levels (rows tied at the cut-off are all kept), in no particular
     * order. Each pass is spread over {@code threads}; which rows come out does not depend on how.
     */
    Candidates nearest(float[] probe, int wanted, SearchThreads threads) {
        float[] x = Rotation.rotate(probe);
        long[] q = signWords(x);
        int keep = (int) Math.min(size, Math.max((long) Math.ceil(PREFILTER_SHARE * size), 2L * wanted));
        int estimate = keep == size ? MAX_LOW_DISTANCE : estimatedLowCutoff(q, keep);
        LowRows survivors = lowSurvivors(q, keep, estimate, threads);
        if (survivors == null) {
            survivors = lowSurvivors(q, keep, MAX_LOW_DISTANCE, threads);
        }
        int[] rows = survivors.rows();
        byte[] lowDistances = survivors.distances();
        short[] distances = new short[rows.length];
        threads.run(chunks(distances.length, FULL_DISTANCE_CHUNK), () -> q,
                (words, chunk) -> fullDistances(rows, lowDistances, words, distances, chunk * FULL_DISTANCE_CHUNK,
                        Math.min(distances.length, (chunk + 1) * FULL_DISTANCE_CHUNK)));
        int[] histogram = new int[Rotation.DIMENSIONS + 1];
        for (short distance : distances) {
            histogram[distance]++;
        }
        int cutoff = quantile(histogram, wanted);
        int[] candidates = new int[distances.length];
        int count = 0;
        for (int i = 0; i < distances.length; i++) {
            candidates[count] = rows[i];
            count += distances[i] <= cutoff ? 1 : 0;
        }
        int[] kept = Arrays.copyOf(candidates, count);
        float[] similarities = new float[count];
        threads.run(chunks(count, LEVEL_CHUNK), () -> x, (rotated, chunk) -> {
            for (int i = chunk * LEVEL_CHUNK; i < Math.min(kept.length, (chunk + 1) * LEVEL_CHUNK); i++) {
                similarities[i] = levelDot(rotated, kept[i]);
            }
        });
        return new Candidates(kept, similarities, count);
    }

    private static int chunks(int items, int chunkSize) {
        return (items + chunkSize - 1) / chunkSize;
    }

    /**
     * A low-half distance that a little more than {@code keep} rows are likely within, from the first
     * {@link #SAMPLE_ROWS} rows of each block (contiguous, so the sample costs little memory traffic):
     * the pass over every row then holds few more rows than it needs.
     */
    private int estimatedLowCutoff(long[] q, int keep) {
        int[] histogram = new int[MAX_LOW_DISTANCE + 1];
        byte[] sample = new byte[SAMPLE_ROWS];
        int samples = 0;
        for (int block = 0; block < lowHalves.size(); block++) {
            int rows = Math.min(SAMPLE_ROWS, size - block * SIGN_BLOCK_ROWS);
            lowDistances(lowHalves.get(block), rows, q, sample);
            for (int r = 0; r < rows; r++) {
                histogram[sample[r] & 0xFF]++;
            }
            samples += rows;
        }
        return quantile(histogram, (int) Math.ceil(ESTIMATE_SLACK * keep * samples / size) + ESTIMATE_EXTRA_SAMPLES);
    }

    /**
     * Every row whose low-half distance is at most the {@code keep}-th smallest of the gallery (ties
     * included), with its distance, or null when the {@code estimate} turned out too tight (fewer than
     * {@code keep} rows within it: then nothing beyond it can be told apart from the nearest rows).
     * Threads drop rows beyond the estimate, and, should more than {@link #HELD_PER_KEPT} times
     * {@code keep} rows be within it, beyond the distance that {@code keep} rows of theirs are within,
     * which no {@code keep}-th smallest distance of the gallery exceeds.
     */
    private LowRows lowSurvivors(long[] q, int keep, int estimate, SearchThreads threads) {
        AtomicInteger cutoff = new AtomicInteger(estimate);
        List<LowSurvivors> parts = threads.run(lowHalves.size(), () -> new LowSurvivors(q, keep, cutoff), LowSurvivors::scan);
        int[] histogram = new int[MAX_LOW_DISTANCE + 1];
        for (LowSurvivors part : parts) {
            part.countInto(histogram);
        }
        int withinEstimate = 0;
        for (int d = 0; d <= estimate; d++) {
            withinEstimate += histogram[d];
        }
        if (withinEstimate < keep) {
            return null;
        }
        int lowCutoff = quantile(histogram, keep);
        int within = 0;
        for (int d = 0; d <= lowCutoff; d++) {
            within += histogram[d];
        }
        LowRows all = new LowRows(new int[within], new byte[within]);
        int at = 0;
        for (LowSurvivors part : parts) {
            at = part.copyWithin(lowCutoff, all, at);
        }
        return all;
    }

    /** Rows and their low-half distances. */
    private record LowRows(int[] rows, byte[] distances) {
    }

    /** One thread's rows within the running cut-off of the pass over every row's first sign half, with their distances. */
    private final class LowSurvivors {

        private final long[] q;
        private final int keep;
        private final AtomicInteger cutoff;
        private final byte[] blockDistances;
        private int[] rows;
        private byte[] distances;
        private int count;

        LowSurvivors(long[] q, int keep, AtomicInteger cutoff) {
            this.q = q;
            this.keep = keep;
            this.cutoff = cutoff;
            blockDistances = new byte[SIGN_BLOCK_ROWS];
            rows = new int[keep / 2 + SIGN_BLOCK_ROWS];
            distances = new byte[rows.length];
        }

        void scan(int block) {
            int first = block * SIGN_BLOCK_ROWS;
            int blockRows = Math.min(SIGN_BLOCK_ROWS, size - first);
            lowDistances(lowHalves.get(block), blockRows, q, blockDistances);
            if (rows.length - count < blockRows) {
                rows = Arrays.copyOf(rows, 2 * rows.length);
                distances = Arrays.copyOf(distances, 2 * distances.length);
            }
            count = appendWithin(blockDistances, blockRows, cutoff.get(), first, rows, distances, count);
            if (count > HELD_PER_KEPT * keep) {
                int[] histogram = new int[MAX_LOW_DISTANCE + 1];
                countInto(histogram);
                int tighter = cutoff.accumulateAndGet(quantile(histogram, keep), Math::min);
                int held = count;
                count = 0;
                for (int i = 0; i < held; i++) {
                    if ((distances[i] & 0xFF) <= tighter) {
                        rows[count] = rows[i];
                        distances[count] = distances[i];
                        count++;
                    }
                }
            }
        }

        void countInto(int[] histogram) {
            for (int i = 0; i < count; i++) {
                histogram[distances[i] & 0xFF]++;
            }
        }

        /** Copies the rows within {@code within}, and their distances, to {@code into} from {@code at} on; returns the end. */
        int copyWithin(int within, LowRows into, int at) {
            for (int i = 0; i < count; i++) {
                if ((distances[i] & 0xFF) <= within) {
                    into.rows[at] = rows[i];
                    into.distances[at] = distances[i];
                    at++;
                }
            }
            return at;
        }
    }

    /** Appends the rows of a block within {@code within}, and their distances, from {@code count} on; returns the end. */
    private static int appendWithin(byte[] blockDistances, int blockRows, int within, int first, int[] rows, byte[] distances,
                                    int count) {
        int end = count;
        for (int r = 0; r < blockRows; r++) {
            int distance = blockDistances[r] & 0xFF;
            if (distance <= within) {
                rows[end] = first + r;
                distances[end] = (byte) distance;
                end++;
            }
        }
        return end;
    }

    /**
     * The low-half distance of each row of a block: the pass over every row, a tight loop of its own
     * (each pass of a search is: inlined in one loop nest they ran about twice as slow).
     */
    private static void lowDistances(long[] low, int rows, long[] q, byte[] distances) {
        long q0 = q[0];
        long q1 = q[1];
        long q2 = q[2];
        long q3 = q[3];
        for (int r = 0, o = 0; r < rows; r++, o += HALF_WORDS) {
            // 0..256 in a byte: 256 (every sign differs) is stored as 255, one bit closer than it is.
            distances[r] = (byte) Math.min(MAX_LOW_DISTANCE, Long.bitCount(low[o] ^ q0) + Long.bitCount(low[o + 1] ^ q1)
                    + Long.bitCount(low[o + 2] ^ q2) + Long.bitCount(low[o + 3] ^ q3));
        }
    }

    /** The full 512-bit distance of {@code rows[from..to)}, whose low-half distances are known. */
    private void fullDistances(int[] rows, byte[] lowDistances, long[] q, short[] distances, int from, int to) {
        long q4 = q[4];
        long q5 = q[5];
        long q6 = q[6];
        long q7 = q[7];
        for (int i = from; i < to; i++) {
            int row = rows[i];
            long[] high = highHalves.get(row / SIGN_BLOCK_ROWS);
            int o = row % SIGN_BLOCK_ROWS * HALF_WORDS;
            distances[i] = (short) ((lowDistances[i] & 0xFF) + Long.bitCount(high[o] ^ q4) + Long.bitCount(high[o + 1] ^ q5)
                    + Long.bitCount(high[o + 2] ^ q6) + Long.bitCount(high[o + 3] ^ q7));
        }
    }

    /** The smallest distance d such that at least {@code wanted} counts are at or below d (the largest if fewer). */
    private static int quantile(int[] histogram, int wanted) {
        int seen = 0;
        for (int d = 0; d < histogram.length; d++) {
            seen += histogram[d];
            if (seen >= wanted) {
                return d;
            }
        }
        return histogram.length - 1;
    }

    /**
     * The dot product of the rotated probe with the row's levels. Each byte holds two 4-bit two's
     * complement levels; shifting the sign-extended byte recovers each with its sign.
     */
    private float levelDot(float[] x, int row) {
        byte[] rowLevels = levels.get(row / LEVEL_BLOCK_ROWS);
        int offset = row % LEVEL_BLOCK_ROWS * LEVEL_BYTES;
        float a = 0;
        float b = 0;
        float c = 0;
        float d = 0;
        for (int j = 0; j < LEVEL_BYTES; j += 2) {
            int even = rowLevels[offset + j];
            int odd = rowLevels[offset + j + 1];
            a += x[2 * j] * ((even << 28) >> 28);
            b += x[2 * j + 1] * (even >> 4);
            c += x[2 * j + 2] * ((odd << 28) >> 28);
            d += x[2 * j + 3] * (odd >> 4);
        }
        return LEVEL_STEP * ((a + b) + (c + d));
    }

    /** Bit i of the result is set when coordinate i is negative. */
    private static long[] signWords(float[] x) {
        long[] words = new long[WORDS];
        for (int i = 0; i < Rotation.DIMENSIONS; i++) {
            if (x[i] < 0) {
                words[i >>> 6] |= 1L << i;
            }
        }
        return words;
    }

    private static int level(float value) {
        return Math.max(-7, Math.min(7, Math.round(value / LEVEL_STEP)));
    }
}
