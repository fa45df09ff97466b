package io.facegate.identification;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of a 1:N search.
 *
 * @param best         the most similar template at or above the threshold
 * @param closeMatches every template at or above the threshold within the ambiguity margin of the
 *                     best one, the best one included, most similar first
 * @param searched     how many templates were compared
 */
public record GallerySearch(Optional<GalleryMatch> best, List<GalleryMatch> closeMatches, int searched) {

    /** Most similar first; equal similarities in user id order, so that a search is repeatable. */
    static final Comparator<GalleryMatch> MOST_SIMILAR_FIRST = Comparator.comparingDouble(GalleryMatch::similarity)
            .reversed().thenComparing(GalleryMatch::clientUserId);

    public GallerySearch {
        closeMatches = List.copyOf(closeMatches);
    }

    /** From the templates at or above the threshold (any order, possibly beyond the margin). */
    static GallerySearch of(List<GalleryMatch> matches, double ambiguityMargin, int searched) {
        List<GalleryMatch> sorted = matches.stream().sorted(MOST_SIMILAR_FIRST).toList();
        if (sorted.isEmpty()) {
            return new GallerySearch(Optional.empty(), List.of(), searched);
        }
        GalleryMatch best = sorted.get(0);
        List<GalleryMatch> close = sorted.stream()
                .filter(match -> match.similarity() >= best.similarity() - ambiguityMargin)
                .toList();
        return new GallerySearch(Optional.of(best), close, searched);
    }

    /** More than one person is about as similar as the best: the probe does not single one out. */
    public boolean ambiguous() {
        return closeMatches.size() > 1;
    }
}
