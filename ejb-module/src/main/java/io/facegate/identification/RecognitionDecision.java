package io.facegate.identification;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a probe face is, for one tenant: matched to one person, ambiguous between several, or
 * nobody. {@code bestSimilarity} is the closest enrolled face's similarity even when it is below
 * the threshold, so that a caller can tell a stranger (far below) from a near miss.
 *
 * @param verdict        the decision
 * @param person         the matched person ({@link Verdict#MATCHED} only)
 * @param bestSimilarity the most similar enrolled face's cosine similarity; null when nobody is enrolled
 * @param candidates     every person at or above the threshold within the ambiguity margin of the best, most similar first
 * @param threshold      the similarity a match needed
 * @param searched       how many templates were compared
 */
public record RecognitionDecision(Verdict verdict, UUID person, Double bestSimilarity, List<GalleryMatch> candidates,
                                  double threshold, int searched) {

    public enum Verdict {
        /** One person at or above the threshold, nobody else within the ambiguity margin. */
        MATCHED,
        /** Two or more people at or above the threshold within the ambiguity margin of each other. */
        AMBIGUOUS,
        /** Nobody at or above the threshold. */
        NO_MATCH,
        /** Verification only: the person has no enrolled face. */
        NOT_ENROLLED
    }

    public RecognitionDecision {
        candidates = List.copyOf(candidates);
    }

    public Optional<UUID> matchedPerson() {
        return Optional.ofNullable(person);
    }

    static RecognitionDecision of(GallerySearch nearest, double threshold) {
        Double best = nearest.best().map(GalleryMatch::similarity).orElse(null);
        List<GalleryMatch> candidates = nearest.closeMatches().stream().filter(m -> m.similarity() >= threshold).toList();
        if (candidates.isEmpty()) {
            return new RecognitionDecision(Verdict.NO_MATCH, null, best, List.of(), threshold, nearest.searched());
        }
        if (candidates.size() > 1) {
            return new RecognitionDecision(Verdict.AMBIGUOUS, null, best, candidates, threshold, nearest.searched());
        }
        return new RecognitionDecision(Verdict.MATCHED, candidates.get(0).clientUserId(), best, candidates, threshold,
                nearest.searched());
    }

    static RecognitionDecision notEnrolled(double threshold) {
        return new RecognitionDecision(Verdict.NOT_ENROLLED, null, null, List.of(), threshold, 0);
    }
}
