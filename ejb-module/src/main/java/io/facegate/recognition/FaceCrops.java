package io.facegate.recognition;

/**
 * Where each model's input is cut from the image, following the crops the models were used with
 * (models/README.md), except that crops are kept inside the image instead of overflowing it.
 */
final class FaceCrops {

    /** A pixel rectangle inside the image, at least 1x1. */
    record Region(int x, int y, int width, int height) {
    }

    /** Liveness sees the face with its surroundings: the square box enlarged 2.7x. */
    private static final double LIVENESS_CONTEXT = 2.7;
    /** Eye crop side relative to the eye's corner-to-corner width. */
    private static final double EYE_CONTEXT = 1.6;
    /** Head pose sees the square box plus a quarter of its side on each side. */
    private static final double POSE_CONTEXT = 1.5;

    private FaceCrops() {
    }

    /** The face square the landmark model expects: side = box height, centred on the box. */
    static Region face(FaceBox box, int imageWidth, int imageHeight) {
        return square(box.centerX(), box.centerY(), box.height(), imageWidth, imageHeight);
    }

    static Region liveness(FaceBox box, int imageWidth, int imageHeight) {
        return square(box.centerX(), box.centerY(), box.height() * LIVENESS_CONTEXT, imageWidth, imageHeight);
    }

    static Region pose(FaceBox box, int imageWidth, int imageHeight) {
        return square(box.centerX(), box.centerY(), box.height() * POSE_CONTEXT, imageWidth, imageHeight);
    }

    /** A square centred on the eye's lid points; cut at the image border, as the eye model was used. */
    static Region eye(FaceLandmarks landmarks, boolean left, int imageWidth, int imageHeight) {
        ImagePoint centre = left ? landmarks.leftEye() : landmarks.rightEye();
        double half = EYE_CONTEXT * landmarks.eyeWidth(left) / 2;
        return clipped(centre.x() - half, centre.y() - half, centre.x() + half, centre.y() + half, imageWidth, imageHeight);
    }

    /**
     * A square of the given side centred on (cx, cy), shifted (not padded) to lie inside the
     * image; the side is capped by the image's shorter dimension.
     */
    static Region square(double cx, double cy, double side, int imageWidth, int imageHeight) {
        int s = (int) Math.max(1, Math.min(Math.round(side), Math.min(imageWidth, imageHeight)));
        int x = (int) Math.max(0, Math.min(Math.round(cx - s / 2.0), imageWidth - s));
        int y = (int) Math.max(0, Math.min(Math.round(cy - s / 2.0), imageHeight - s));
        return new Region(x, y, s, s);
    }

    /** The rectangle (x1, y1)-(x2, y2) cut to the image, never smaller than one pixel. */
    static Region clipped(double x1, double y1, double x2, double y2, int imageWidth, int imageHeight) {
        int left = (int) Math.max(0, Math.min(Math.floor(x1), imageWidth - 1));
        int top = (int) Math.max(0, Math.min(Math.floor(y1), imageHeight - 1));
        int right = (int) Math.max(left + 1, Math.min(Math.ceil(x2), imageWidth));
        int bottom = (int) Math.max(top + 1, Math.min(Math.ceil(y2), imageHeight));
        return new Region(left, top, right - left, bottom - top);
    }
}
