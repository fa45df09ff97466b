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
 * sign codes over every row (a few popcounts per row), the full 512-bit distance for the rows that
 * pass, and for the closest of those an approximate dot product of the probe with the 4-bit levels,
 * one table look-up per byte. It returns approximate similarities; exact ones need the templates
 * themselves ({@link GalleryIndex}). Not thread-safe: {@link GalleryIndex} guards it.
 */
final class CompactRows {

    /** 1024 rows per block: the level block is 256 KiB, under G1's humongous size for 1 MiB regions. */
    static final int BLOCK_ROWS = 1024;
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
    /** Rows the first pass looks at to set its cut-off. */
    private static final int PREFILTER_SAMPLE = 8192;

    /** The rows closest to a probe, with approximate similarities. */
    record Candidates(int[] rows, float[] similarities, int count) {
    }

    private final List<long[]> lowHalves = new ArrayList<>();
    private final List<long[]> highHalves = new ArrayList<>();
    private final List<byte[]> levels = new ArrayList<>();
    private int size;

    int size() {
        return size;
    }

    /** Bytes held by the codes, unused block space included. */
    long bytesHeld() {
        return (long) levels.size() * BLOCK_ROWS * BYTES_PER_ROW;
    }

    void append(float[] values) {
        if (size == levels.size() * BLOCK_ROWS) {
            lowHalves.add(new long[BLOCK_ROWS * HALF_WORDS]);
            highHalves.add(new long[BLOCK_ROWS * HALF_WORDS]);
            levels.add(new byte[BLOCK_ROWS * LEVEL_BYTES]);
        }
        size++;
        set(size - 1, values);
    }

    void set(int row, float[] values) {
        float[] x = Rotation.rotate(values);
        long[] signs = signs(x);
        int block = row / BLOCK_ROWS;
        int offset = row % BLOCK_ROWS;
        System.arraycopy(signs, 0, lowHalves.get(block), offset * HALF_WORDS, HALF_WORDS);
        System.arraycopy(signs, HALF_WORDS, highHalves.get(block), offset * HALF_WORDS, HALF_WORDS);
        byte[] rowLevels = levels.get(block);
        for (int j = 0; j < LEVEL_BYTES; j++) {
            rowLevels[offset * LEVEL_BYTES + j] = (byte) ((level(x[2 * j]) & 0xF) | level(x[2 * j + 1]) << 4);
        }
    }

    /** Removes {@code row} by moving the last row into its place (the row numbers of all others stay). */
    void removeByMovingLast(int row) {
        int last = size - 1;
        if (row != last) {
            int from = last % BLOCK_ROWS;
            int to = row % BLOCK_ROWS;
            int fromBlock = last / BLOCK_ROWS;
            int toBlock = row / BLOCK_ROWS;
            System.arraycopy(lowHalves.get(fromBlock), from * HALF_WORDS, lowHalves.get(toBlock), to * HALF_WORDS, HALF_WORDS);
            System.arraycopy(highHalves.get(fromBlock), from * HALF_WORDS, highHalves.get(toBlock), to * HALF_WORDS, HALF_WORDS);
            System.arraycopy(levels.get(fromBlock), from * LEVEL_BYTES, levels.get(toBlock), to * LEVEL_BYTES, LEVEL_BYTES);
        }
        size = last;
        if (size == (levels.size() - 1) * BLOCK_ROWS) {
            int lastBlock = levels.size() - 1;
            lowHalves.remove(lastBlock);
            highHalves.remove(lastBlock);
            levels.remove(lastBlock);
        }
    }

    /**
     * About the {@code wanted} rows nearest to {@code probe} by sign code, each with its approximate
     * similarity from the 4-bit levels (rows tied at the cut-off are all kept).
     */
    Candidates nearest(float[] probe, int wanted) {
        float[] x = Rotation.rotate(probe);
        long[] q = signs(x);
        int lowCutoff = lowCutoff(q, wanted);
        // Pass 1 and 2 in one sweep: the high half is read only for rows whose low half passed.
        int[] rows = new int[Math.max(16, wanted)];
        short[] distances = new short[rows.length];
        int[] histogram = new int[Rotation.DIMENSIONS + 1];
        int count = 0;
        for (int block = 0; block < levels.size(); block++) {
            long[] low = lowHalves.get(block);
            long[] high = highHalves.get(block);
            int first = block * BLOCK_ROWS;
            int blockRows = Math.min(BLOCK_ROWS, size - first);
            for (int r = 0, o = 0; r < blockRows; r++, o += HALF_WORDS) {
                int d = Long.bitCount(low[o] ^ q[0]) + Long.bitCount(low[o + 1] ^ q[1])
                        + Long.bitCount(low[o + 2] ^ q[2]) + Long.bitCount(low[o + 3] ^ q[3]);
                if (d <= lowCutoff) {
                    d += Long.bitCount(high[o] ^ q[4]) + Long.bitCount(high[o + 1] ^ q[5])
                            + Long.bitCount(high[o + 2] ^ q[6]) + Long.bitCount(high[o + 3] ^ q[7]);
                    if (count == rows.length) {
                        rows = Arrays.copyOf(rows, 2 * count);
                        distances = Arrays.copyOf(distances, 2 * count);
                    }
                    rows[count] = first + r;
                    distances[count] = (short) d;
                    histogram[d]++;
                    count++;
                }
            }
        }
        int cutoff = quantile(histogram, wanted);
        float[] table = levelTable(x);
        int[] kept = new int[count];
        float[] similarities = new float[count];
        int keptCount = 0;
        for (int i = 0; i < count; i++) {
            if (distances[i] <= cutoff) {
                kept[keptCount] = rows[i];
                similarities[keptCount] = levelDot(table, rows[i]);
                keptCount++;
            }
        }
        return new Candidates(kept, similarities, keptCount);
    }

    /**
     * The low-half distance below which about {@link #PREFILTER_SHARE} of the rows (and at least
     * twice {@code wanted}) fall, estimated on the first rows: enrolment order says nothing about a
     * probe, so they are a fair sample. Small galleries let every row through.
     */
    private int lowCutoff(long[] q, int wanted) {
        double share = Math.max(PREFILTER_SHARE, 2.0 * wanted / Math.max(1, size));
        if (share >= 1) {
            return Rotation.DIMENSIONS / 2;
        }
        int sample = Math.min(size, PREFILTER_SAMPLE);
        int[] histogram = new int[Rotation.DIMENSIONS / 2 + 1];
        for (int row = 0; row < sample; row++) {
            long[] low = lowHalves.get(row / BLOCK_ROWS);
            int o = row % BLOCK_ROWS * HALF_WORDS;
            histogram[Long.bitCount(low[o] ^ q[0]) + Long.bitCount(low[o + 1] ^ q[1])
                    + Long.bitCount(low[o + 2] ^ q[2]) + Long.bitCount(low[o + 3] ^ q[3])]++;
        }
        return quantile(histogram, (int) Math.ceil(share * sample));
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

    /** For each of the 256 level bytes, the probe's dot product with every value the byte can hold. */
    private static float[] levelTable(float[] x) {
        float[] table = new float[LEVEL_BYTES * 256];
        for (int j = 0; j < LEVEL_BYTES; j++) {
            float even = x[2 * j] * LEVEL_STEP;
            float odd = x[2 * j + 1] * LEVEL_STEP;
            for (int value = 0; value < 256; value++) {
                table[j * 256 + value] = even * nibble(value) + odd * nibble(value >>> 4);
            }
        }
        return table;
    }

    private float levelDot(float[] table, int row) {
        byte[] rowLevels = levels.get(row / BLOCK_ROWS);
        int offset = row % BLOCK_ROWS * LEVEL_BYTES;
        float a = 0, b = 0, c = 0, d = 0;
        for (int j = 0; j < LEVEL_BYTES; j += 4) {
            a += table[(j << 8) | rowLevels[offset + j] & 0xFF];
            b += table[((j + 1) << 8) | rowLevels[offset + j + 1] & 0xFF];
            c += table[((j + 2) << 8) | rowLevels[offset + j + 2] & 0xFF];
            d += table[((j + 3) << 8) | rowLevels[offset + j + 3] & 0xFF];
        }
        return (a + b) + (c + d);
    }

    /** Bit i of the result is set when coordinate i is negative. */
    private static long[] signs(float[] x) {
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

    /** A 4-bit two's complement level. */
    private static int nibble(int value) {
        return (value & 0xF) >= 8 ? (value & 0xF) - 16 : value & 0xF;
    }
}
