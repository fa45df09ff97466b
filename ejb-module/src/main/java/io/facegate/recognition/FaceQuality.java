package io.facegate.recognition;

import java.util.List;

/**
 * How usable a face is for recognition: a score in [0, 1] that ranks faces (the best enrollment
 * frame, attendance's optional minimum), the issues that make it unfit for recognition, and the
 * measures both come from. Each factor (size, sharpness, brightness, frontal pose, detector
 * confidence) is scored with a linear ramp between a clearly bad and a clearly good value and the
 * score is their product; the issues come from {@link QualityGates#RECOGNITION}, set where
 * recognition measurably degrades (docs/benchmarks/quality-gates.md). Stricter uses (enrollment)
 * apply their own gates to the measures ({@link FaceAcceptance}).
 */
public record FaceQuality(double score, List<QualityIssue> issues, Measures measures) {

    public FaceQuality {
        issues = List.copyOf(issues);
    }

    /**
     * The raw values the factors are computed from, for the acceptance policy and the benchmark
     * that sets its gates (docs/benchmarks/quality-gates.md).
     *
     * @param faceSide   the shorter side of the detector box, pixels
     * @param sharpness  variance of the Laplacian on the centre of the 64x64 grey face square
     * @param brightness mean grey level (0-255) on the same centre
     * @param yaw        the landmark yaw proxy, 0 frontal, +-1 profile ({@link #yaw(FaceLandmarks)})
     * @param confidence the detector's face probability
     */
    public record Measures(double faceSide, double sharpness, double brightness, double yaw, double confidence) {
    }

    /**
     * Where each factor's ramp reaches 1 (set by hand: clearly good faces); each ramp is centred on
     * the recognition gate, so a factor is below 0.5 exactly when the face has that issue.
     */
    static final double SHARPNESS_GOOD = 120;
    static final double DARK_GOOD = 95;
    static final double BRIGHT_GOOD = 175;
    /** Yaw proxy: nose-tip offset between the face sides, 0 frontal, +-1 profile. */
    static final double YAW_GOOD = 0.15;
    static final double CONFIDENCE_GOOD = 0.95;

    /**
     * @param minFaceSize  face side in pixels below which the face is too small (also the size ramp's midpoint)
     * @param faceGrey     the 64x64 grey face square given to the landmark model
     */
    static FaceQuality assess(FaceBox box, double detectionScore, FaceLandmarks landmarks, byte[] faceGrey,
                              int faceGreySide, double minFaceSize) {
        double side = Math.min(box.width(), box.height());
        double score = ramp(side, minFaceSize / 2, minFaceSize * 1.5);

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
        // Normalised by the face's brightness (as if its mean grey were 128): darkening scales the Laplacian
        // with the pixels, and a dim but sharp face must not read as blurry.
        double sharpness = (lapSquares / n - (lapSum / n) * (lapSum / n)) * Math.pow(128 / Math.max(brightness, 1), 2);
        double yaw = yaw(landmarks);
        QualityGates gates = QualityGates.RECOGNITION.withMinFaceSide(minFaceSize);
        score *= centred(sharpness, gates.minSharpness(), SHARPNESS_GOOD)
                * centred(brightness, gates.minBrightness(), DARK_GOOD)
                * centred(brightness, gates.maxBrightness(), BRIGHT_GOOD)
                * centred(Math.abs(yaw), gates.maxYaw(), YAW_GOOD)
                * centred(detectionScore, gates.minConfidence(), CONFIDENCE_GOOD);
        Measures measures = new Measures(side, sharpness, brightness, yaw, detectionScore);
        return new FaceQuality(score, gates.failed(measures), measures);
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

    /** A ramp through 0.5 at {@code gate} and 1 at {@code good}. */
    private static double centred(double value, double gate, double good) {
        return ramp(value, 2 * gate - good, good);
    }

    /** 0 at {@code bad}, 1 at {@code good}, linear in between (either direction), clamped. */
    static double ramp(double value, double bad, double good) {
        return Math.max(0, Math.min(1, (value - bad) / (good - bad)));
    }
}
