package io.facegate.recognition;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FaceAlignerTest {

    private static final List<ImagePoint> TEMPLATE = List.of(new ImagePoint(38.2946, 51.6963), new ImagePoint(73.5318, 51.5014),
            new ImagePoint(56.0252, 71.7366), new ImagePoint(41.5493, 92.3655), new ImagePoint(70.7299, 92.2041));

    @Test
    void templateMapsOntoItself() {
        double[] m = FaceAligner.similarity(TEMPLATE);
        assertEquals(1, m[0], 1e-9);
        assertEquals(0, m[1], 1e-9);
        assertEquals(0, m[2], 1e-9);
        assertEquals(0, m[3], 1e-9);
    }

    /** Points rotated by 30 degrees, scaled 3x and moved: the fit recovers the exact inverse. */
    @Test
    void recoversRotationScaleAndShift() {
        double angle = Math.toRadians(30);
        double cos = 3 * Math.cos(angle);
        double sin = 3 * Math.sin(angle);
        List<ImagePoint> moved = TEMPLATE.stream()
                .map(p -> new ImagePoint(cos * p.x() - sin * p.y() + 400, sin * p.x() + cos * p.y() + 250)).toList();
        double[] m = FaceAligner.similarity(moved);
        for (int i = 0; i < TEMPLATE.size(); i++) {
            ImagePoint p = moved.get(i);
            assertEquals(TEMPLATE.get(i).x(), m[0] * p.x() - m[1] * p.y() + m[2], 1e-6);
            assertEquals(TEMPLATE.get(i).y(), m[1] * p.x() + m[0] * p.y() + m[3], 1e-6);
        }
        assertEquals(1 / 3.0, Math.hypot(m[0], m[1]), 1e-9);
    }
}
