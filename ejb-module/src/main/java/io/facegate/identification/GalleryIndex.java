package io.facegate.identification;

import io.facegate.recognition.FaceEmbedding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One client's enrolled face templates, searched 1:N. Thread-safe: searches run concurrently,
 * enrolments and removals wait for them.
 * <p>
 * A search scans every template with a fast float dot product, keeps those whose score could still
 * qualify once its rounding error is allowed for, and recomputes exactly those with
 * {@link FaceEmbedding#similarity}. The result is therefore identical to comparing the probe with
 * every template by {@code similarity}: the same matches, the same similarities.
 */
public final class GalleryIndex {

    /**
     * Bound on |float scan score - {@link FaceEmbedding#similarity}| for unit-length vectors: each of
     * the scan's chains sums 64 float products, then three additions join them, so the error is at
     * most 68 float roundings (2^-24 each) of sum |a_i b_i| <= |a| |b| <= 1.002 (the norm check):
     * 4.1e-6. The double similarity itself is exact to 1e-13.
     */
    static final double SCAN_TOLERANCE = 1e-5;
    private static final double NORM_TOLERANCE = 1e-3;

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final TemplateRows rows = new TemplateRows();
    private final List<UUID> owners = new ArrayList<>();
    private final Map<UUID, Integer> rowOf = new HashMap<>();

    /** Adds the person's template, or replaces it (re-enrolment). */
    public void put(UUID clientUserId, FaceEmbedding template) {
        Objects.requireNonNull(clientUserId, "clientUserId");
        requireUnitLength(template, "template");
        lock.writeLock().lock();
        try {
            Integer row = rowOf.get(clientUserId);
            if (row == null) {
                rows.append(template.values());
                owners.add(clientUserId);
                rowOf.put(clientUserId, rows.size() - 1);
            } else {
                rows.set(row, template.values());
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Forgets the person's template; false if there was none. */
    public boolean remove(UUID clientUserId) {
        lock.writeLock().lock();
        try {
            Integer row = rowOf.remove(clientUserId);
            if (row == null) {
                return false;
            }
            rows.removeByMovingLast(row);
            UUID moved = owners.remove(owners.size() - 1);
            if (!moved.equals(clientUserId)) {
                owners.set(row, moved);
                rowOf.put(moved, row);
            }
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    public int size() {
        lock.readLock().lock();
        try {
            return rows.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The templates with {@link FaceEmbedding#similarity} >= {@code threshold} to the probe: the most
     * similar, and all within {@code ambiguityMargin} of it.
     */
    public GallerySearch search(FaceEmbedding probe, double threshold, double ambiguityMargin) {
        requireUnitLength(probe, "probe");
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold must be a number");
        }
        if (!(ambiguityMargin >= 0)) {
            throw new IllegalArgumentException("ambiguityMargin must be >= 0, got " + ambiguityMargin);
        }
        lock.readLock().lock();
        try {
            Shortlist shortlist = new Shortlist(threshold, ambiguityMargin);
            rows.scan(probe.values(), shortlist);
            List<GalleryMatch> matches = new ArrayList<>();
            for (int row : shortlist.rows()) {
                double similarity = rows.embedding(row).similarity(probe);
                if (similarity >= threshold) {
                    matches.add(new GalleryMatch(owners.get(row), similarity));
                }
            }
            return GallerySearch.of(matches, ambiguityMargin, rows.size());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Floats the templates occupy, unused block space included (for tests of compaction). */
    long capacityFloats() {
        lock.readLock().lock();
        try {
            return rows.capacityFloats();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The error bound of the scan holds for unit vectors only, which is what the face engine produces. */
    private static void requireUnitLength(FaceEmbedding embedding, String name) {
        Objects.requireNonNull(embedding, name);
        double squares = 0;
        for (float value : embedding.values()) {
            squares += (double) value * value;
        }
        if (!(Math.abs(Math.sqrt(squares) - 1) <= NORM_TOLERANCE)) {
            throw new IllegalArgumentException(name + " must be L2-normalised, its norm is " + Math.sqrt(squares));
        }
    }

    /**
     * The rows whose scan score could belong to an exact result. Exact similarity e and score s differ
     * by at most t = {@link #SCAN_TOLERANCE}; a result needs e >= threshold and e >= best - margin,
     * and best >= (highest score) - t, so a row can be dropped once s < max(threshold, highest score
     * - margin - t) - t. The highest score only grows, so the running cutoff drops no row the final
     * one would keep.
     */
    private static final class Shortlist implements TemplateRows.ScoreSink {

        private final double threshold;
        private final double ambiguityMargin;
        private float highestScore = Float.NEGATIVE_INFINITY;
        private int[] rows = new int[16];
        private float[] scores = new float[16];
        private int count;

        Shortlist(double threshold, double ambiguityMargin) {
            this.threshold = threshold;
            this.ambiguityMargin = ambiguityMargin;
        }

        @Override
        public void accept(int row, float score) {
            if (score > highestScore) {
                highestScore = score;
            }
            if (score >= cutoff()) {
                if (count == rows.length) {
                    rows = Arrays.copyOf(rows, 2 * count);
                    scores = Arrays.copyOf(scores, 2 * count);
                }
                rows[count] = row;
                scores[count] = score;
                count++;
            }
        }

        private double cutoff() {
            return Math.max(threshold, highestScore - ambiguityMargin - SCAN_TOLERANCE) - SCAN_TOLERANCE;
        }

        int[] rows() {
            double cutoff = cutoff();
            int[] kept = new int[count];
            int keptCount = 0;
            for (int i = 0; i < count; i++) {
                if (scores[i] >= cutoff) {
                    kept[keptCount++] = rows[i];
                }
            }
            return Arrays.copyOf(kept, keptCount);
        }
    }
}
