package io.facegate.cameras;

import io.facegate.domain.detections.DetectionEvent.Box;
import io.facegate.domain.detections.DetectionEvent.Finding;
import io.facegate.domain.detections.DetectionStatus;
import io.facegate.identification.RecognitionDecision;
import io.facegate.recognition.DetectedFace;
import io.facegate.recognition.FaceBox;

/**
 * What a camera makes of one face: whether it is fit to be recognised at all (the per-face gate),
 * and seed 002's status for what recognition said about it.
 */
final class Sightings {

    private Sightings() {
    }

    /**
     * The per-face gate: only a face at least {@code minFaceSize} pixels wide and high, with no
     * quality issue (blur, darkness, a turned head, a doubtful detection), is searched for; any
     * other face is seen but not recognised. One method, so that a richer acceptance policy can take its place.
     */
    static boolean recognisable(DetectedFace face, int minFaceSize) {
        return Math.min(face.box().width(), face.box().height()) >= minFaceSize && face.quality().issues().isEmpty();
    }

    /**
     * @param decision      recognition's answer for a recognisable face; null for one that was not searched
     * @param newFaceMargin how far below the threshold a good face's best similarity must be to be a stranger
     */
    static Finding finding(DetectedFace face, RecognitionDecision decision, double newFaceMargin) {
        Box box = box(face.box());
        double quality = face.quality().score();
        if (decision == null) {
            return new Finding(DetectionStatus.UNKNOWN, null, 0, null, box, quality);
        }
        Double best = decision.bestSimilarity();
        return switch (decision.verdict()) {
            case MATCHED -> new Finding(DetectionStatus.MATCHED, decision.person(), 1, best, box, quality);
            case AMBIGUOUS -> new Finding(DetectionStatus.MULTIPLE_MATCHES, null, decision.candidates().size(), best, box, quality);
            default -> best == null || best < decision.threshold() - newFaceMargin
                    ? new Finding(DetectionStatus.NEW_FACE, null, 0, best, box, quality)
                    : new Finding(DetectionStatus.UNKNOWN, null, 0, best, box, quality);
        };
    }

    static Box box(FaceBox box) {
        return new Box((int) Math.round(box.y()), (int) Math.round(box.x() + box.width()),
                (int) Math.round(box.y() + box.height()), (int) Math.round(box.x()));
    }
}
