package io.facegate.sessions;

import io.facegate.recognition.DetectedFace;
import io.facegate.recognition.FaceEmbedding;
import io.facegate.recognition.QualityIssue;

import java.util.List;

/**
 * Whether a frame can be used: exactly one face, of good quality, and the same person as the
 * session's earlier frames. A rejection says why and what the person should do about it.
 *
 * @param face the frame's single face; null when there was none or more than one
 */
record FrameJudgement(DetectedFace face, FrameOutcome.FrameRejection rejection, String prompt) {

    static FrameJudgement of(List<DetectedFace> faces, FaceEmbedding sessionFace, double samePersonThreshold) {
        if (faces.isEmpty()) {
            return reject(null, "no_face", "No face detected", List.of(), "move into the frame");
        }
        if (faces.size() > 1) {
            return reject(null, "multiple_faces", faces.size() + " faces in the frame; only the person being checked may be visible",
                    List.of(), "make sure you are alone in the frame");
        }
        DetectedFace face = faces.get(0);
        List<QualityIssue> issues = face.quality().issues();
        if (!issues.isEmpty()) {
            List<String> codes = issues.stream().map(QualityIssue::code).toList();
            return reject(face, "low_quality", "Frame quality too low: " + String.join(", ", codes), codes, prompt(issues.get(0)));
        }
        if (sessionFace != null && face.embedding().similarity(sessionFace) < samePersonThreshold) {
            return reject(face, "different_person", "This face is not the person in the session's earlier frames", List.of(),
                    "only the person who started may continue");
        }
        return new FrameJudgement(face, null, null);
    }

    boolean accepted() {
        return rejection == null;
    }

    Double qualityScore() {
        return face == null ? null : face.quality().score();
    }

    private static FrameJudgement reject(DetectedFace face, String code, String reason, List<String> issues, String prompt) {
        return new FrameJudgement(face, new FrameOutcome.FrameRejection(code, reason, issues), prompt);
    }

    private static String prompt(QualityIssue issue) {
        return switch (issue) {
            case FACE_TOO_SMALL -> "move closer";
            case BLURRY -> "hold still";
            case TOO_DARK -> "find more light";
            case TOO_BRIGHT -> "avoid direct light";
            case NOT_FRONTAL -> "look straight at the camera";
            case LOW_CONFIDENCE -> "face the camera in good light";
        };
    }
}
