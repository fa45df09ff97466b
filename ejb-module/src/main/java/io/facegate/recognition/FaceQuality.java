package io.facegate.recognition;

import java.util.ArrayList;
import java.util.List;

/**
 * How usable a face is for recognition, in [0, 1], and what to fix. Each factor (size, sharpness,
 * brightness, frontal pose, detector confidence) is scored in [0, 1] with a linear ramp between a
 * clearly bad and a clearly good value; the score is their product, and a factor below 0.5 (the
 * ramp's midpoint) is reported as an issue.
 */
public record FaceQuality(double score, List<QualityIssue> issues) {

    public FaceQuality {
        issues = List.copyOf(issues);
    }

    /**
     * Ramp ends, set by hand so that the identities/ portraits mostly pass (110 of 119 with no
     * issue) while blurred, darkened and shrunk copies fail (FaceEngineTest); not fitted to a
     * labelled quality set, which the test data does not have.
     */
    static final double SHARPNESS_BAD = 20;
    static final double SHARPNESS_GOOD = 120;
    static final double DARK_BAD = 25;
    static final double DARK_GOOD = 95;
    static final double BRIGHT_BAD = 245;
    static final double BRIGHT_GOOD = 175;
    /** Yaw proxy: nose-tip offset between the face sides, 0 frontal, +-1 profile. */
    static final double YAW_BAD = 0.6;
    static final double YAW_GOOD = 0.15;
    static final double CONFIDENCE_GOOD = 0.95;

    /**
     * @param minFaceSize  face side in pixels below which the face is too small (the size ramp's midpoint)
     * @param threshold    the detector's score threshold
     * @param faceGrey     the 64x64 grey face square given to the landmark model
     */
    static FaceQuality assess(FaceBox box, double detectionScore, FaceLandmarks landmarks, byte[] faceGrey,
                              int faceGreySide, double minFaceSize, double threshold) {
        List<QualityIssue> issues = new ArrayList<>();
        double side = Math.min(box.width(), box.height());
        double score = factor(ramp(side, minFaceSize / 2, minFaceSize * 1.5), QualityIssue.FACE_TOO_SMALL, issues);

        // Sharpness and brightness on the central half of the face square: mostly skin, little background.
        int from = faceGreySide / 4;
        int to = faceGreySide - from;
        double sum = 0;
        double lapSum = 0;
        double lapSquares = 0;
        int n = 0;
        for (int y = from; y < to; y++) {
            for (int x = from; x < to; x++) {
                int i = y * faceGreySide + x;
                int v = faceGrey[i] & 0xFF;
                int laplacian = (faceGrey[i - 1] & 0xFF) + (faceGrey[i + 1] & 0xFF)
                        + (faceGrey[i - faceGreySide] & 0xFF) + (faceGrey[i + faceGreySide] & 0xFF) - 4 * v;
                sum += v;
                lapSum += laplacian;
                lapSquares += (double) laplacian * laplacian;
                n++;
            }
        }
        double brightness = sum / n;
        double sharpness = lapSquares / n - (lapSum / n) * (lapSum / n);
        score *= factor(ramp(sharpness, SHARPNESS_BAD, SHARPNESS_GOOD), QualityIssue.BLURRY, issues);
        score *= factor(ramp(brightness, DARK_BAD, DARK_GOOD), QualityIssue.TOO_DARK, issues);
        score *= factor(ramp(brightness, BRIGHT_BAD, BRIGHT_GOOD), QualityIssue.TOO_BRIGHT, issues);
        score *= factor(ramp(Math.abs(yaw(landmarks)), YAW_BAD, YAW_GOOD), QualityIssue.NOT_FRONTAL, issues);
        score *= factor(ramp(detectionScore, threshold, CONFIDENCE_GOOD), QualityIssue.LOW_CONFIDENCE, issues);
        return new FaceQuality(score, issues);
    }

    /**
     * Horizontal position of the nose tip between the two sides of the jaw, measured along the
     * eye line so head tilt does not count: 0 for a frontal face, towards +-1 as the head turns.
     */
    static double yaw(FaceLandmarks landmarks) {
        ImagePoint left = landmarks.leftEye();
        ImagePoint right = landmarks.rightEye();
        double ux = right.x() - left.x();
        double uy = right.y() - left.y();
        double nose = along(landmarks.noseTip(), ux, uy);
        double toLeft = nose - along(landmarks.point(0), ux, uy);
        double toRight = along(landmarks.point(16), ux, uy) - nose;
        double total = Math.abs(toLeft) + Math.abs(toRight);
        return total == 0 ? 0 : (toLeft - toRight) / total;
    }

    private static double along(ImagePoint p, double ux, double uy) {
        return p.x() * ux + p.y() * uy;
    }

    private static double factor(double value, QualityIssue issue, List<QualityIssue> issues) {
        if (value < 0.5) {
            issues.add(issue);
        }
        return value;
    }

    /** 0 at {@code bad}, 1 at {@code good}, linear in between (either direction), clamped. */
    static double ramp(double value, double bad, double good) {
        return Math.max(0, Math.min(1, (value - bad) / (good - bad)));
    }
}
