package io.facegate.attendance;

import io.facegate.recognition.DetectedFace;

import java.util.Optional;

/**
 * Whether a face can be recognised confidently enough to log someone present: the one place
 * attendance (verify tasks, bulk verification, mobile check-ins) asks, so that a better per-face
 * acceptance policy replaces only this.
 */
public final class RecognitionGate {

    private RecognitionGate() {
    }

    /**
     * @param minQuality the quality score a face needs besides having no quality issue (0 for none)
     * @return why the face cannot be recognised confidently, as an API code; empty when it can
     */
    public static Optional<String> refusal(DetectedFace face, double minQuality) {
        if (face.embedding() == null) {
            return Optional.of("no_embedding");
        }
        if (!face.quality().issues().isEmpty() || face.quality().score() < minQuality) {
            return Optional.of("low_quality");
        }
        return Optional.empty();
    }
}
