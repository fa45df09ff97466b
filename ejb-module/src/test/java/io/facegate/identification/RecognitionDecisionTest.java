package io.facegate.identification;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RecognitionDecisionTest {

    private static final UUID ANN = UUID.randomUUID();
    private static final UUID BOB = UUID.randomUUID();

    private static GallerySearch nearest(GalleryMatch... closest) {
        return new GallerySearch(closest.length == 0 ? Optional.empty() : Optional.of(closest[0]), List.of(closest), 10);
    }

    @Test
    void oneFaceAboveTheThresholdIsAMatch() {
        RecognitionDecision decision = RecognitionDecision.of(nearest(new GalleryMatch(ANN, 0.71)), 0.40);
        assertEquals(RecognitionDecision.Verdict.MATCHED, decision.verdict());
        assertEquals(ANN, decision.person());
        assertEquals(0.71, decision.bestSimilarity());
    }

    @Test
    void twoFacesWithinTheMarginAboveTheThresholdAreAmbiguous() {
        RecognitionDecision decision = RecognitionDecision.of(nearest(new GalleryMatch(ANN, 0.61), new GalleryMatch(BOB, 0.58)), 0.40);
        assertEquals(RecognitionDecision.Verdict.AMBIGUOUS, decision.verdict());
        assertNull(decision.person());
        assertEquals(2, decision.candidates().size());
    }

    @Test
    void aCloseSecondBelowTheThresholdDoesNotMakeAMatchAmbiguous() {
        RecognitionDecision decision = RecognitionDecision.of(nearest(new GalleryMatch(ANN, 0.42), new GalleryMatch(BOB, 0.38)), 0.40);
        assertEquals(RecognitionDecision.Verdict.MATCHED, decision.verdict());
        assertEquals(List.of(new GalleryMatch(ANN, 0.42)), decision.candidates());
    }

    @Test
    void belowTheThresholdNobodyMatchesButTheNearestSimilarityIsKept() {
        RecognitionDecision decision = RecognitionDecision.of(nearest(new GalleryMatch(ANN, 0.12)), 0.40);
        assertEquals(RecognitionDecision.Verdict.NO_MATCH, decision.verdict());
        assertEquals(0.12, decision.bestSimilarity(), "a stranger far below the threshold can be told from a near miss");
        assertEquals(RecognitionDecision.Verdict.NO_MATCH, RecognitionDecision.of(nearest(), 0.40).verdict());
        assertNull(RecognitionDecision.of(nearest(), 0.40).bestSimilarity(), "an empty gallery has no nearest face");
    }
}
