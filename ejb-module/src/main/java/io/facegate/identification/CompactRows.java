package io.facegate.identification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
 * Not thread-safe: {@link GalleryIndex} guards it.
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
     * similarity from the 4-bit levels (rows tied at the cut-off are all kept).
     */
    Candidates nearest(float[] probe, int wanted) {
        float[] x = Rotation.rotate(probe);
        long[] q = signWords(x);
        byte[] lowDistances = new byte[size];
        for (int block = 0; block < lowHalves.size(); block++) {
            int first = block * SIGN_BLOCK_ROWS;
            lowDistances(lowHalves.get(block), Math.min(SIGN_BLOCK_ROWS, size - first), q, lowDistances, first);
        }
        int[] rows = rowsWithin(lowDistances, lowCutoff(lowDistances, wanted));
        int[] histogram = new int[Rotation.DIMENSIONS + 1];
        short[] distances = fullDistances(rows, lowDistances, q, histogram);
        int cutoff = quantile(histogram, wanted);
        int[] kept = new int[rows.length];
        float[] similarities = new float[rows.length];
        int keptCount = 0;
        for (int i = 0; i < rows.length; i++) {
            if (distances[i] <= cutoff) {
                kept[keptCount] = rows[i];
                similarities[keptCount] = levelDot(x, rows[i]);
                keptCount++;
            }
        }
        return new Candidates(kept, similarities, keptCount);
    }

    /**
     * The low-half distance of each row of a block, stored from {@code first} on: the pass over every
     * row, a tight loop of its own (each pass of a search is: inlined in one loop nest they ran
     * about twice as slow).
     */
    private static void lowDistances(long[] low, int rows, long[] q, byte[] distances, int first) {
        long q0 = q[0];
        long q1 = q[1];
        long q2 = q[2];
        long q3 = q[3];
        for (int r = 0, o = 0; r < rows; r++, o += HALF_WORDS) {
            // 0..256 in a byte: 256 (every sign differs) is stored as 255, one bit closer than it is.
            distances[first + r] = (byte) Math.min(255, Long.bitCount(low[o] ^ q0) + Long.bitCount(low[o + 1] ^ q1)
                    + Long.bitCount(low[o + 2] ^ q2) + Long.bitCount(low[o + 3] ^ q3));
        }
    }

    /** The rows whose low-half distance is at most {@code cutoff}, in row order (no branch to mispredict). */
    private static int[] rowsWithin(byte[] lowDistances, int cutoff) {
        int[] rows = new int[lowDistances.length + 1];
        int count = 0;
        for (int row = 0; row < lowDistances.length; row++) {
            rows[count] = row;
            count += (lowDistances[row] & 0xFF) <= cutoff ? 1 : 0;
        }
        return Arrays.copyOf(rows, count);
    }

    /** The full 512-bit distance of each of {@code rows}, counted into {@code histogram}. */
    private short[] fullDistances(int[] rows, byte[] lowDistances, long[] q, int[] histogram) {
        long q4 = q[4];
        long q5 = q[5];
        long q6 = q[6];
        long q7 = q[7];
        short[] distances = new short[rows.length];
        for (int i = 0; i < rows.length; i++) {
            int row = rows[i];
            long[] high = highHalves.get(row / SIGN_BLOCK_ROWS);
            int o = row % SIGN_BLOCK_ROWS * HALF_WORDS;
            int d = (lowDistances[row] & 0xFF) + Long.bitCount(high[o] ^ q4) + Long.bitCount(high[o + 1] ^ q5)
                    + Long.bitCount(high[o + 2] ^ q6) + Long.bitCount(high[o + 3] ^ q7);
            distances[i] = (short) d;
            histogram[d]++;
        }
        return distances;
    }

    /**
     * The low-half distance below which about {@link #PREFILTER_SHARE} of the rows (and at least
     * twice {@code wanted}) fall; small galleries let every row through.
     */
    private static int lowCutoff(byte[] lowDistances, int wanted) {
        double share = Math.max(PREFILTER_SHARE, 2.0 * wanted / Math.max(1, lowDistances.length));
        if (share >= 1) {
            return Rotation.DIMENSIONS / 2;
        }
        int[] histogram = new int[Rotation.DIMENSIONS / 2 + 1];
        for (byte distance : lowDistances) {
            histogram[distance & 0xFF]++;
        }
        return quantile(histogram, (int) Math.ceil(share * lowDistances.length));
    }

    /** The smallest distance d such that at least {@code wanted} counts are at or below d. */
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
