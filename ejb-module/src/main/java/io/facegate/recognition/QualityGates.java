package io.facegate.recognition;

import java.util.ArrayList;
import java.util.List;

/**
 * Limits on a face's measured quality ({@link FaceQuality.Measures}); a face outside one has that
 * {@link QualityIssue}. Values are set by QualityGateBenchmark (docs/benchmarks/quality-gates.md).
 *
 * @param minFaceSide   shorter side of the face box, pixels
 * @param minSharpness  contrast-normalised Laplacian variance
 * @param minBrightness mean grey level of the face centre
 * @param maxBrightness mean grey level of the face centre
 * @param maxYaw        |landmark yaw proxy|
 * @param minConfidence detector face probability
 */
public record QualityGates(double minFaceSide, double minSharpness, double minBrightness, double maxBrightness,
                           double maxYaw, double minConfidence) {

    /**
     * Where recognition at the shipped threshold degrades: refused below these for any use. Each is
     * the far edge of the last bin in which at least 80 % of genuine pairs still match with no false
     * match (docs/benchmarks/quality-gates.md); the face size is overridden by {@code facegate.recognition.min-face-size},
     * whose default is this value.
     */
    public static final QualityGates RECOGNITION = new QualityGates(RecognitionSettings.DEFAULT_MIN_FACE_SIZE, 60, 10, 235, 0.7, 0.85);

    /**
     * Stricter, for enrollment (the template serves every later recognition) and for a webcam's
     * instructions: the bins keeping at least 88 % of genuine pairs matched.
     */
    public static final QualityGates ENROLLMENT = new QualityGates(28, 80, 40, 225, 0.5, 0.95);

    /** These gates with another face-size limit (the {@code facegate.recognition.min-face-size} setting). */
    public QualityGates withMinFaceSide(double side) {
        return new QualityGates(side, minSharpness, minBrightness, maxBrightness, maxYaw, minConfidence);
    }

    /** The issues of a face with these measures, in the order a person should fix them. */
    public List<QualityIssue> failed(FaceQuality.Measures m) {
        List<QualityIssue> issues = new ArrayList<>();
        if (m.faceSide() < minFaceSide) {
            issues.add(QualityIssue.FACE_TOO_SMALL);
        }
        if (m.sharpness() < minSharpness) {
            issues.add(QualityIssue.BLURRY);
        }
        if (m.brightness() < minBrightness) {
            issues.add(QualityIssue.TOO_DARK);
        }
        if (m.brightness() > maxBrightness) {
            issues.add(QualityIssue.TOO_BRIGHT);
        }
        if (Math.abs(m.yaw()) > maxYaw) {
            issues.add(QualityIssue.NOT_FRONTAL);
        }
        if (m.confidence() < minConfidence) {
            issues.add(QualityIssue.LOW_CONFIDENCE);
        }
        return issues;
    }
}
