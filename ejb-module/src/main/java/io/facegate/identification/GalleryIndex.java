package io.facegate.identification;

import io.facegate.recognition.FaceEmbedding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
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
 * A small gallery keeps its templates as floats: a search scans every template with a fast float
 * dot product, keeps those whose score could still qualify once its rounding error is allowed for,
 * and recomputes exactly those with {@link FaceEmbedding#similarity}. The result is identical to
 * comparing the probe with every template by {@code similarity}.
 * <p>
 * From {@code compactFrom} templates on, the gallery keeps compact codes instead ({@link CompactRows},
 * 320 bytes a template instead of 2,048) and no floats: a search narrows the gallery to a few
 * thousand candidates by sign codes, ranks those by 4-bit levels, and asks a {@link TemplateSource}
 * for the stored templates of the few whose approximate similarity, give or take
 * {@link #APPROXIMATION_TOLERANCE}, could belong to the result, which it then computes exactly as
 * above. A template outside the candidates is missed; docs/benchmarks/identification.md measures
 * how rarely. A gallery stays compact once it is (until it is loaded again). A compact search spreads
 * its passes over the {@link SearchThreads} the gallery was given (in the server, a managed thread per
 * extra core); which candidates it finds does not depend on them.
 */
public final class GalleryIndex {

    /** Where the exact templates of a compact gallery come from: the sealed templates in the database. */
    @FunctionalInterface
    public interface TemplateSource {

        /** The stored templates of these people; anyone without one (deleted meanwhile) is left out. */
        Map<UUID, FaceEmbedding> templates(Collection<UUID> clientUserIds);
    }

    /** For galleries that are never large: asking for stored templates is a bug. */
    private static final TemplateSource NO_SOURCE = people -> {
        throw new IllegalStateException("a compact gallery needs a source of exact templates");
    };

    /**
     * Bound on |approximate - exact similarity| for the 4-bit levels: measured errors have an sd of
     * about 0.005 and stay below 0.025 (docs/benchmarks/identification.md); the exact pass fetches
     * every candidate within this of the cut-off, so a larger bound only costs fetches.
     */
    static final double APPROXIMATION_TOLERANCE = 0.05;
    /** Candidates ranked by their 4-bit levels after the sign-code passes. */
    static final int CANDIDATES = 2048;
    /**
     * Gallery size from which the compact codes answer faster than the float scan (measured:
     * docs/benchmarks/identification.md); below it, floats cost 2 KB a template but no database read.
     */
    public static final int DEFAULT_COMPACT_FROM = 20_000;

    /**
     * Bound on |float scan score - {@link FaceEmbedding#similarity}| for unit-length vectors: each of
     * the scan's chains sums 64 float products, then three additions join them, so the error is at
     * most 68 float roundings (2^-24 each) of sum |a_i b_i| <= |a| |b| <= 1.002 (the norm check):
     * 4.1e-6. The double similarity itself is exact to 1e-13.
     */
    static final double SCAN_TOLERANCE = 1e-5;
    private static final double NORM_TOLERANCE = 1e-3;

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final int compactFrom;
    private final SearchThreads threads;
    /** The float templates, until the gallery turns compact; then null. */
    private TemplateRows rows = new TemplateRows();
    /** The compact codes, once the gallery has reached {@link #compactFrom} templates; null before. */
    private CompactRows codes;
    private final List<UUID> owners = new ArrayList<>();
    private final Map<UUID, Integer> rowOf = new HashMap<>();

    /** A gallery that keeps float templates however large it grows. */
    public GalleryIndex() {
        this(Integer.MAX_VALUE);
    }

    /** A gallery that turns compact when it reaches {@code compactFrom} templates, searched by the calling thread alone. */
    public GalleryIndex(int compactFrom) {
        this(compactFrom, SearchThreads.CALLER_ONLY);
    }

    /** A gallery that turns compact when it reaches {@code compactFrom} templates; a compact search spreads over {@code threads}. */
    GalleryIndex(int compactFrom, SearchThreads threads) {
        if (compactFrom < 1) {
            throw new IllegalArgumentException("compactFrom must be >= 1, got " + compactFrom);
        }
        this.compactFrom = compactFrom;
        this.threads = Objects.requireNonNull(threads, "threads");
    }

    /** Adds the person's template, or replaces it (re-enrolment). */
    public void put(UUID clientUserId, FaceEmbedding template) {
        Objects.requireNonNull(clientUserId, "clientUserId");
        requireUnitLength(template, "template");
        lock.writeLock().lock();
        try {
            Integer row = rowOf.get(clientUserId);
            if (row == null) {
                if (codes != null) {
                    codes.append(template.values());
                } else {
                    rows.append(template.values());
                }
                owners.add(clientUserId);
                rowOf.put(clientUserId, owners.size() - 1);
                if (codes == null && owners.size() >= compactFrom) {
                    turnCompact();
                }
            } else if (codes != null) {
                codes.set(row, template.values());
            } else {
                rows.set(row, template.values());
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void turnCompact() {
        codes = new CompactRows();
        for (int row = 0; row < rows.size(); row++) {
            codes.append(rows.embedding(row).values());
        }
        rows = null;
    }

    /** Whether the gallery keeps compact codes rather than float templates. */
    public boolean compact() {
        lock.readLock().lock();
        try {
            return codes != null;
        } finally {
            lock.readLock().unlock();
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
            if (codes != null) {
                codes.removeByMovingLast(row);
            } else {
                rows.removeByMovingLast(row);
            }
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
            return owners.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The templates with {@link FaceEmbedding#similarity} >= {@code threshold} to the probe: the most
     * similar, and all within {@code ambiguityMargin} of it. For galleries that are never compact.
     */
    public GallerySearch search(FaceEmbedding probe, double threshold, double ambiguityMargin) {
        return search(probe, threshold, ambiguityMargin, NO_SOURCE);
    }

    /**
     * As {@link #search(FaceEmbedding, double, double)}; a compact gallery takes the exact templates
     * of its few qualifying candidates from {@code source}, called without holding the gallery's lock.
     */
    public GallerySearch search(FaceEmbedding probe, double threshold, double ambiguityMargin, TemplateSource source) {
        requireUnitLength(probe, "probe");
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold must be a number");
        }
        if (!(ambiguityMargin >= 0)) {
            throw new IllegalArgumentException("ambiguityMargin must be >= 0, got " + ambiguityMargin);
        }
        List<UUID> candidates = new ArrayList<>();
        int searched;
        lock.readLock().lock();
        try {
            searched = owners.size();
            if (codes == null) {
                return exactSearch(probe, threshold, ambiguityMargin);
            }
            CompactRows.Candidates nearest = codes.nearest(probe.values(), CANDIDATES, threads);
            Shortlist shortlist = new Shortlist(threshold, ambiguityMargin, APPROXIMATION_TOLERANCE);
            for (int i = 0; i < nearest.count(); i++) {
                shortlist.accept(nearest.rows()[i], nearest.similarities()[i]);
            }
            for (int row : shortlist.rows()) {
                candidates.add(owners.get(row));
            }
        } finally {
            lock.readLock().unlock();
        }
        Map<UUID, FaceEmbedding> templates = candidates.isEmpty() ? Map.of() : source.templates(candidates);
        List<GalleryMatch> matches = new ArrayList<>();
        for (UUID candidate : candidates) {
            FaceEmbedding template = templates.get(candidate);
            if (template != null) {
                double similarity = template.similarity(probe);
                if (similarity >= threshold) {
                    matches.add(new GalleryMatch(candidate, similarity));
                }
            }
        }
        return GallerySearch.of(matches, ambiguityMargin, searched);
    }

    private GallerySearch exactSearch(FaceEmbedding probe, double threshold, double ambiguityMargin) {
        Shortlist shortlist = new Shortlist(threshold, ambiguityMargin, SCAN_TOLERANCE);
        rows.scan(probe.values(), shortlist);
        List<GalleryMatch> matches = new ArrayList<>();
        for (int row : shortlist.rows()) {
            double similarity = rows.embedding(row).similarity(probe);
            if (similarity >= threshold) {
                matches.add(new GalleryMatch(owners.get(row), similarity));
            }
        }
        return GallerySearch.of(matches, ambiguityMargin, rows.size());
    }

    /** Floats the templates occupy, unused block space included (for tests of compaction); 0 once compact. */
    long capacityFloats() {
        lock.readLock().lock();
        try {
            return codes != null ? 0 : rows.capacityFloats();
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
     * The rows whose score could belong to an exact result. Exact similarity e and score s differ by
     * at most t (the float scan's {@link #SCAN_TOLERANCE}, or the 4-bit levels'
     * {@link #APPROXIMATION_TOLERANCE}); a result needs e >= threshold and e >= best - margin, and
     * best >= (highest score) - t, so a row can be dropped once s < max(threshold, highest score -
     * margin - t) - t. The highest score only grows, so the running cutoff drops no row the final one
     * would keep.
     */
    private static final class Shortlist implements TemplateRows.ScoreSink {

        private final double threshold;
        private final double ambiguityMargin;
        private final double tolerance;
        private float highestScore = Float.NEGATIVE_INFINITY;
        private int[] rows = new int[16];
        private float[] scores = new float[16];
        private int count;

        Shortlist(double threshold, double ambiguityMargin, double tolerance) {
            this.threshold = threshold;
            this.ambiguityMargin = ambiguityMargin;
            this.tolerance = tolerance;
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
            return Math.max(threshold, highestScore - ambiguityMargin - tolerance) - tolerance;
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
