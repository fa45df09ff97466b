package io.facegate.recognition;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The one acceptance policy for faces, shared by sessions, the compare endpoint, attendance
 * (verify tasks, mobile check-ins) and cameras: which face of a frame to use, and whether it is
 * good enough for a given use. The gates' measured basis is in docs/benchmarks/quality-gates.md.
 */
public final class FaceAcceptance {

    /**
     * A face is dominant when its box is at least this many times the area of the next largest:
     * a bystander at the edge of a portrait is then ignored, two people side by side are not.
     */
    public static final double DOMINANCE = 2.0;

    private FaceAcceptance() {
    }

    /**
     * What a face is for, which decides the gates that refuse it and those that only advise. Every
     * use refuses below the {@link QualityGates#RECOGNITION} gates (the face's own
     * {@link FaceQuality#issues()}, with the configured face size).
     */
    public enum Use {
        /** Enrollment: also refused below the {@link QualityGates#ENROLLMENT} gates, because the template serves every later recognition. */
        ENROLLMENT(QualityGates.ENROLLMENT, null),
        /**
         * A photo judged on whether it can be recognised (api and mobile sessions, compare, verify
         * tasks, check-ins, camera faces).
         */
        RECOGNITION(null, null),
        /**
         * A webcam frame: refused only where a photo would be, but a frame short of the enrollment
         * gates comes with an instruction (face the camera, more light), so the next one is better.
         */
        GUIDED_RECOGNITION(null, QualityGates.ENROLLMENT);

        private final QualityGates alsoRefuse;
        private final QualityGates advise;

        Use(QualityGates alsoRefuse, QualityGates advise) {
            this.alsoRefuse = alsoRefuse;
            this.advise = advise;
        }
    }

    /**
     * The face a frame is about.
     *
     * @param face    the dominant face; null when the frame has none or two faces compete
     * @param ignored how many other (clearly smaller) faces were seen and left aside
     * @param faces   how many faces the frame had
     */
    public record Choice(DetectedFace face, int ignored, int faces) {

        /** Two or more faces of comparable size: no one face is the subject. */
        public boolean competing() {
            return face == null && faces > 1;
        }
    }

    /**
     * Chooses the dominant face of {@code faces}: the only one, or the largest when it is at least
     * {@link #DOMINANCE} times the area of the next; none when the frame is empty or faces compete.
     */
    public static Choice choose(List<DetectedFace> faces) {
        if (faces.isEmpty()) {
            return new Choice(null, 0, 0);
        }
        DetectedFace largest = faces.get(0);
        DetectedFace next = null;
        for (DetectedFace face : faces) {
            if (face.box().area() > largest.box().area()) {
                next = largest;
                largest = face;
            } else if (face != largest && (next == null || face.box().area() > next.box().area())) {
                next = face;
            }
        }
        if (next != null && largest.box().area() < DOMINANCE * next.box().area()) {
            return new Choice(null, 0, faces.size());
        }
        return new Choice(largest, faces.size() - 1, faces.size());
    }

    /**
     * @param refusals the issues that make the face unfit for the use, in the order to fix them; empty when fit
     * @param advice   issues that do not refuse the face but are worth an instruction (webcam frames)
     */
    public record Verdict(List<QualityIssue> refusals, List<QualityIssue> advice) {

        public boolean accepted() {
            return refusals.isEmpty();
        }
    }

    /** Whether {@code face} is good enough for {@code use}. */
    public static Verdict judge(DetectedFace face, Use use) {
        FaceQuality.Measures measures = face.quality().measures();
        Set<QualityIssue> refusals = EnumSet.noneOf(QualityIssue.class); // in the enum's order: what to fix first
        refusals.addAll(face.quality().issues());
        if (use.alsoRefuse != null) {
            refusals.addAll(use.alsoRefuse.failed(measures));
        }
        List<QualityIssue> advice = use.advise == null || !refusals.isEmpty() ? List.of() : use.advise.failed(measures);
        return new Verdict(List.copyOf(refusals), advice);
    }
}
