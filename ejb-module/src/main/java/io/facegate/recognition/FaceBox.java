package io.facegate.recognition;

/** An axis-aligned box in image pixels. */
public record FaceBox(double x, double y, double width, double height) {

    public double area() {
        return width * height;
    }

    public double centerX() {
        return x + width / 2;
    }

    public double centerY() {
        return y + height / 2;
    }

    /** Intersection over union, 0 for disjoint boxes. */
    public double iou(FaceBox other) {
        double w = Math.min(x + width, other.x + other.width) - Math.max(x, other.x);
        double h = Math.min(y + height, other.y + other.height) - Math.max(y, other.y);
        if (w <= 0 || h <= 0) {
            return 0;
        }
        double intersection = w * h;
        return intersection / (area() + other.area() - intersection);
    }

    /** This box clipped to a {@code width} x {@code height} image. */
    public FaceBox clip(int imageWidth, int imageHeight) {
        double x1 = Math.max(0, x);
        double y1 = Math.max(0, y);
        double x2 = Math.min(imageWidth, x + width);
        double y2 = Math.min(imageHeight, y + height);
        return new FaceBox(x1, y1, Math.max(0, x2 - x1), Math.max(0, y2 - y1));
    }
}
