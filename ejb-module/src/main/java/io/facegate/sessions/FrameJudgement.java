package io.facegate.sessions;

import io.facegate.recognition.DetectedFace;
import io.facegate.recognition.FaceAcceptance;
import io.facegate.recognition.FaceEmbedding;
import io.facegate.recognition.QualityIssue;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Whether a frame can be used ({@link FaceAcceptance}): one dominant face (others clearly smaller
 * are ignored), good enough for the session's use, and the same person as the session's earlier
 * frames. A rejection says why and what the person should do about it; an accepted webcam frame
 * short of the enrollment gates carries an instruction as well.
 *
 * @param face    the frame's dominant face; null when there was none or faces compete
 * @param ignored how many smaller faces were left aside
 */
record FrameJudgement(DetectedFace face, int ignored, FrameOutcome.FrameRejection rejection, String prompt) {

    /**
     * @param faces the frame's faces, analysed without their embedding
     * @param embed gives a face its embedding ({@link io.facegate.recognition.FaceEngine#embed}); called only for the dominant
     *              face once the gates have accepted it: the embedding network is the costliest of a frame, and a refused
     *              face's feedback does not depend on it
     */
    static FrameJudgement of(List<DetectedFace> faces, FaceAcceptance.Use use, FaceEmbedding sessionFace, double samePersonThreshold,
                             UnaryOperator<DetectedFace> embed) {
        FaceAcceptance.Choice choice = FaceAcceptance.choose(faces);
        if (choice.competing()) {
            return reject(null, 0, "multiple_faces", choice.faces() + " faces of similar size in the frame; only the person being checked may be"
                    + " close to the camera", List.of(), "make sure you are alone in front of the camera");
        }
        DetectedFace face = choice.face();
        if (face == null) {
            return reject(null, 0, "no_face", "No face detected", List.of(), "move into the frame");
        }
        FaceAcceptance.Verdict verdict = FaceAcceptance.judge(face, use);
        if (!verdict.accepted()) {
            List<String> codes = verdict.refusals().stream().map(QualityIssue::code).toList();
            return reject(face, choice.ignored(), "low_quality", "Frame quality too low: " + String.join(", ", codes), codes,
                    prompt(verdict.refusals().get(0)));
        }
        face = embed.apply(face);
        if (sessionFace != null && face.embedding().similarity(sessionFace) < samePersonThreshold) {
            return reject(face, choice.ignored(), "different_person", "This face is not the person in the session's earlier frames", List.of(),
                    "only the person who started may continue");
        }
        return new FrameJudgement(face, choice.ignored(), null, verdict.advice().isEmpty() ? null : prompt(verdict.advice().get(0)));
    }

    boolean accepted() {
        return rejection == null;
    }

    Double qualityScore() {
        return face == null ? null : face.quality().score();
    }

    private static FrameJudgement reject(DetectedFace face, int ignored, String code, String reason, List<String> issues, String prompt) {
        return new FrameJudgement(face, ignored, new FrameOutcome.FrameRejection(code, reason, issues), prompt);
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
