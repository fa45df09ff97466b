package io.facegate.liveness;

import io.facegate.recognition.FaceLandmarks;
import io.facegate.recognition.ImagePoint;

import java.util.ArrayDeque;
import java.util.List;

/**
 * Counts blinks of one tracked face: open, then closed, then open again over frames.
 * <p>
 * The eye model decides open and closed, with hysteresis around its 0.5 boundary so that a frame
 * half-way through a blink changes nothing. It reads broad smiles and downward gazes as closed
 * (docs/liveness.md), so a closed reading also needs the landmarks' eye aspect ratio (lid gap over
 * eye width) to have dropped clearly below this face's open-eye value. Winks (one eye closed) are
 * not blinks: the two eyes are averaged.
 */
final class BlinkDetector {

    /** Both eyes' mean open probability at or below which the eyes are closed... */
    static final double CLOSED_PROBABILITY = 0.3;
    /** ...and at or above which they are open; between the two the state holds. */
    static final double OPEN_PROBABILITY = 0.7;
    /**
     * Closed eyes have an aspect ratio at most this fraction of the open-eye one: midway between the
     * largest ratio of a real closure in the clips (0.80) and the smallest of a frame the eye model
     * misread as closed (0.92); docs/liveness.md.
     */
    static final double CLOSED_ASPECT_RATIO = 0.85;
    /**
     * A quick blink caught between frames at 10 fps leaves the eye model undecided (0.39 at 3.9 s in
     * the sadtalker clip) but the lids clearly lower against this face's own open-eye baseline: a
     * reading below this open probability (both eyes leaning closed: a wink, one eye shut and one
     * open, averages to 0.5 at best)...
     */
    static final double QUICK_CLOSED_PROBABILITY = 0.5;
    /**
     * ...with an aspect ratio at most this fraction of the baseline also counts as closed. Quick blinks
     * measured 0.62; the clips' winks read 0.55-0.98 open, smiles and gazes 0.92 of the baseline and
     * more (docs/liveness.md).
     */
    static final double QUICK_CLOSED_ASPECT_RATIO = 0.70;
    /** The open-eye reference is the median over this many recent open frames (3 s at 10 fps). */
    static final int BASELINE_FRAMES = 30;

    private enum EyeState { UNKNOWN, OPEN, CLOSED }

    private EyeState state = EyeState.UNKNOWN;
    private final ArrayDeque<Double> openAspectRatios = new ArrayDeque<>();
    private int blinks;

    /**
     * Takes one frame's eye reading.
     *
     * @param eyesOpen the eye model's open probability of each eye
     */
    void observe(double[] eyesOpen, FaceLandmarks landmarks) {
        double open = (eyesOpen[0] + eyesOpen[1]) / 2;
        double aspectRatio = (aspectRatio(landmarks, true) + aspectRatio(landmarks, false)) / 2;
        if (open >= OPEN_PROBABILITY) {
            if (state == EyeState.CLOSED) {
                blinks++;
            }
            state = EyeState.OPEN;
            rememberOpen(aspectRatio);
        } else if (state == EyeState.OPEN && closed(open, aspectRatio / openBaseline())) {
            state = EyeState.CLOSED;
        }
    }

    /** @param ratio the eye aspect ratio over this face's open-eye baseline */
    private static boolean closed(double open, double ratio) {
        return open <= CLOSED_PROBABILITY && ratio <= CLOSED_ASPECT_RATIO
                || open < QUICK_CLOSED_PROBABILITY && ratio <= QUICK_CLOSED_ASPECT_RATIO;
    }

    int blinks() {
        return blinks;
    }

    private void rememberOpen(double aspectRatio) {
        if (openAspectRatios.size() == BASELINE_FRAMES) {
            openAspectRatios.removeFirst();
        }
        openAspectRatios.addLast(aspectRatio);
    }

    /** Only called in the OPEN state, which has remembered at least one open frame. */
    private double openBaseline() {
        double[] values = openAspectRatios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    /**
     * Eye aspect ratio of the iBUG eye contour p0..p5 (corners p0 and p3):
     * (|p1 - p5| + |p2 - p4|) / (2 |p0 - p3|); about 0.25-0.4 open, near 0.15 closed.
     */
    static double aspectRatio(FaceLandmarks landmarks, boolean left) {
        List<ImagePoint> p = landmarks.points().subList(left ? 36 : 42, left ? 42 : 48);
        double width = distance(p.get(0), p.get(3));
        return width == 0 ? 0 : (distance(p.get(1), p.get(5)) + distance(p.get(2), p.get(4))) / (2 * width);
    }

    private static double distance(ImagePoint a, ImagePoint b) {
        return Math.hypot(a.x() - b.x(), a.y() - b.y());
    }
}
