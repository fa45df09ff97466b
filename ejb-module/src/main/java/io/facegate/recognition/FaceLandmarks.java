package io.facegate.recognition;

import java.util.List;

/**
 * The 68 iBUG landmarks of a face in image pixels (jaw 0-16, brows 17-26, nose 27-35 with the tip
 * at 30, eyes 36-41 and 42-47, mouth 48-67). "Left" means the image's left: the subject's right eye.
 */
public record FaceLandmarks(List<ImagePoint> points) {

    public FaceLandmarks {
        if (points.size() != 68) {
            throw new IllegalArgumentException("68 landmarks expected, got " + points.size());
        }
        points = List.copyOf(points);
    }

    /** Centre of the image-left eye: mean of its lid points (not the corners, which shift with gaze). */
    public ImagePoint leftEye() {
        return mean(37, 38, 40, 41);
    }

    public ImagePoint rightEye() {
        return mean(43, 44, 46, 47);
    }

    public ImagePoint noseTip() {
        return points.get(30);
    }

    /** Mouth corners: mean of the outer and inner lip corner points. */
    public ImagePoint mouthLeft() {
        return mean(48, 60);
    }

    public ImagePoint mouthRight() {
        return mean(54, 64);
    }

    /** The five alignment points in ArcFace order: eyes, nose tip, mouth corners (image left first). */
    public List<ImagePoint> keyPoints() {
        return List.of(leftEye(), rightEye(), noseTip(), mouthLeft(), mouthRight());
    }

    /** Eye width, corner to corner: 36-39 for the left eye, 42-45 for the right. */
    public double eyeWidth(boolean left) {
        ImagePoint outer = points.get(left ? 36 : 42);
        ImagePoint inner = points.get(left ? 39 : 45);
        return Math.hypot(inner.x() - outer.x(), inner.y() - outer.y());
    }

    ImagePoint point(int index) {
        return points.get(index);
    }

    private ImagePoint mean(int... indices) {
        double x = 0;
        double y = 0;
        for (int i : indices) {
            x += points.get(i).x();
            y += points.get(i).y();
        }
        return new ImagePoint(x / indices.length, y / indices.length);
    }
}
