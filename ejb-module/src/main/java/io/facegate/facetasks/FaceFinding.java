package io.facegate.facetasks;

import io.facegate.identification.RecognitionDecision;
import io.facegate.recognition.FaceBox;

import java.util.UUID;

/**
 * One face of a verify task's image, as analysed outside any transaction.
 *
 * @param refusal why the face was not recognised before matching (e.g. {@code low_quality}); null when it was matched
 * @param person  the matched person ({@link RecognitionDecision.Verdict#MATCHED} only)
 */
record FaceFinding(FaceBox box, double quality, String refusal, RecognitionDecision.Verdict verdict, UUID person, Double similarity,
                   Double antiSpoof, boolean live) {

    boolean recognized() {
        return verdict == RecognitionDecision.Verdict.MATCHED;
    }
}
