package io.facegate.identification;

import io.facegate.recognition.FaceEmbedding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Face templates as rows 0..size-1 of contiguous float blocks, so that a search is one linear scan.
 * Blocks have a fixed row count, except the last one, which doubles as it fills and halves as it
 * empties: a large gallery never copies itself to grow, and neither a small nor a shrunken one keeps
 * unused space beyond half its last block. Not thread-safe: {@link GalleryIndex} guards it.
 */
final class TemplateRows {

    /** 128 rows of 512 floats = 256 KiB: under G1's humongous-object size for 1 MiB regions and up. */
    static final int BLOCK_ROWS = 128;
    private static final int SMALLEST_BLOCK_ROWS = 4;
    private static final int DIMENSIONS = FaceEmbedding.DIMENSIONS;

    /** Receives each row's similarity to the probe, as the scan computes it. */
    interface ScoreSink {
        void accept(int row, float score);
    }

    private final List<float[]> blocks = new ArrayList<>();
    private int size;

    int size() {
        return size;
    }

    /** Floats held, including the unused tail of the last block. */
    long capacityFloats() {
        return blocks.stream().mapToLong(block -> block.length).sum();
    }

    void append(float[] values) {
        int block = size / BLOCK_ROWS;
        int offset = size % BLOCK_ROWS * DIMENSIONS;
        if (block == blocks.size()) {
            blocks.add(new float[SMALLEST_BLOCK_ROWS * DIMENSIONS]);
        } else if (offset == blocks.get(block).length) {
            blocks.set(block, Arrays.copyOf(blocks.get(block), 2 * offset));
        }
        System.arraycopy(values, 0, blocks.get(block), offset, DIMENSIONS);
        size++;
    }

    void set(int row, float[] values) {
        System.arraycopy(values, 0, blocks.get(row / BLOCK_ROWS), row % BLOCK_ROWS * DIMENSIONS, DIMENSIONS);
    }

    /** Removes {@code row} by moving the last row into its place (the row numbers of all others stay). */
    void removeByMovingLast(int row) {
        int last = size - 1;
        if (row != last) {
            System.arraycopy(blocks.get(last / BLOCK_ROWS), last % BLOCK_ROWS * DIMENSIONS,
                    blocks.get(row / BLOCK_ROWS), row % BLOCK_ROWS * DIMENSIONS, DIMENSIONS);
        }
        size = last;
        int lastBlock = blocks.size() - 1;
        int rowsInLastBlock = size - lastBlock * BLOCK_ROWS;
        int capacity = blocks.get(lastBlock).length / DIMENSIONS;
        if (rowsInLastBlock == 0) {
            blocks.remove(lastBlock);
        } else if (rowsInLastBlock <= capacity / 4 && capacity > SMALLEST_BLOCK_ROWS) {
            blocks.set(lastBlock, Arrays.copyOf(blocks.get(lastBlock), capacity / 2 * DIMENSIONS));
        }
    }

    FaceEmbedding embedding(int row) {
        int offset = row % BLOCK_ROWS * DIMENSIONS;
        return new FaceEmbedding(Arrays.copyOfRange(blocks.get(row / BLOCK_ROWS), offset, offset + DIMENSIONS));
    }

    /** Every row's float dot product with {@code probe}, in row order. */
    void scan(float[] probe, ScoreSink sink) {
        for (int block = 0; block < blocks.size(); block++) {
            float[] values = blocks.get(block);
            int first = block * BLOCK_ROWS;
            int rows = Math.min(BLOCK_ROWS, size - first);
            for (int row = 0; row < rows; row++) {
                sink.accept(first + row, dot(values, row * DIMENSIONS, probe));
            }
        }
    }

    /**
     * Eight independent float accumulators: Java 17 does not vectorise a float sum (its order is
     * fixed), but it does overlap independent chains, which makes the scan about twice as fast as one
     * chain. Each accumulator sums 64 products; {@link GalleryIndex#SCAN_TOLERANCE} bounds the error.
     */
    static float dot(float[] values, int offset, float[] probe) {
        float a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
        for (int i = 0; i < DIMENSIONS; i += 8) {
            int j = offset + i;
            a0 += values[j] * probe[i];
            a1 += values[j + 1] * probe[i + 1];
            a2 += values[j + 2] * probe[i + 2];
            a3 += values[j + 3] * probe[i + 3];
            a4 += values[j + 4] * probe[i + 4];
            a5 += values[j + 5] * probe[i + 5];
            a6 += values[j + 6] * probe[i + 6];
            a7 += values[j + 7] * probe[i + 7];
        }
        return ((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7));
    }
}
