package io.facegate.liveness;

import io.facegate.recognition.DetectedFace;
import io.facegate.recognition.FaceAttribute;
import io.facegate.recognition.FaceBox;
import io.facegate.recognition.FaceLandmarks;
import io.facegate.recognition.FaceQuality;
import io.facegate.recognition.ImagePoint;
import io.facegate.system.ErrorKind;
import io.facegate.system.FaceGateException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tracker's rules on faces whose geometry and model outputs are set exactly: a 200-pixel face
 * whose eyes have a chosen aspect ratio (lid gap over width) and eye-model reading. The same rules
 * on real clips: {@link LivenessClipsTest}.
 */
class LivenessTrackerTest {

    private static final double OPEN = 0.30;
    private static final double SHUT = 0.10;
    private static final double FACE = 200;

    private long clock;

    /** A face shifted right by {@code shift} pixels, both eyes read {@code eyeOpen} with aspect ratio {@code aspect}. */
    private static DetectedFace face(double shift, double eyeOpen, double aspect, double live) {
        return face(shift, new double[]{eyeOpen, eyeOpen}, aspect, aspect, live, FACE);
    }

    private static DetectedFace face(double shift, double[] eyesOpen, double leftAspect, double rightAspect, double live,
                                     double side) {
        List<ImagePoint> points = new ArrayList<>();
        for (int i = 0; i < 68; i++) { // a fixed layout for the points that are not eyes: only their movement counts
            points.add(new ImagePoint(100 + shift + (i % 10) * 20, 100 + (i / 10) * 25));
        }
        eye(points, 36, 100 + shift + 60, 170, leftAspect);
        eye(points, 42, 100 + shift + 140, 170, rightAspect);
        return new DetectedFace(new FaceBox(100 + shift, 100, side, side), 0.99, new FaceLandmarks(points),
                new FaceQuality(1, List.of(), new FaceQuality.Measures(side, 200, 128, 0, 0.99)), live, eyesOpen, null, null);
    }

    /** The six iBUG points of an eye 40 px wide: corners p0, p3, lids p1, p2 above and p5, p4 below. */
    private static void eye(List<ImagePoint> points, int first, double cx, double cy, double aspect) {
        double w = 40;
        double h = aspect * w;
        points.set(first, new ImagePoint(cx - w / 2, cy));
        points.set(first + 1, new ImagePoint(cx - w / 6, cy - h / 2));
        points.set(first + 2, new ImagePoint(cx + w / 6, cy - h / 2));
        points.set(first + 3, new ImagePoint(cx + w / 2, cy));
        points.set(first + 4, new ImagePoint(cx + w / 6, cy + h / 2));
        points.set(first + 5, new ImagePoint(cx - w / 6, cy + h / 2));
    }

    /** Feeds the faces 100 ms apart (10 fps) and returns the last assessment. */
    private LivenessAssessment feed(LivenessTracker tracker, DetectedFace... faces) {
        LivenessAssessment last = tracker.assessment();
        for (DetectedFace face : faces) {
            last = tracker.observe(clock, face);
            clock += 100;
        }
        return last;
    }

    private static LivenessTracker tracker() {
        return new LivenessTracker(LivenessPolicy.defaults());
    }

    @Test
    void eyeAspectRatioIsLidGapOverWidth() {
        DetectedFace face = face(0, 1, 0.3, 0.9);
        assertEquals(0.3, BlinkDetector.aspectRatio(face.landmarks(), true), 1e-9);
        assertEquals(0.3, BlinkDetector.aspectRatio(face.landmarks(), false), 1e-9);
    }

    @Test
    void verifiesAFaceThatBlinksAndMoves() {
        LivenessTracker tracker = tracker();
        LivenessAssessment before = feed(tracker, face(0, 1, OPEN, 0.9), face(2, 1, OPEN, 0.9), face(4, 0, SHUT, 0.9));
        assertFalse(before.verified());
        assertEquals(LivenessPrompt.BLINK, before.nextPrompt());

        LivenessAssessment after = feed(tracker, face(6, 1, OPEN, 0.9));
        assertTrue(after.verified(), after.toString());
        assertEquals(1, after.blinks());
        assertEquals(4, after.frames());
        assertEquals(Set.of(LivenessCheck.BLINK, LivenessCheck.MOTION, LivenessCheck.ANTI_SPOOF), after.passed());
        assertTrue(after.failed().isEmpty());
        assertNull(after.nextPrompt());
        assertFalse(after.spoofSuspected());
        // Each frame moved every landmark 2 px on a 200 px face; the blink moved the eye points further.
        assertTrue(after.motion() >= 0.01, after.toString());
        assertEquals((1 + 1 + 0.9) / 3, after.score(), 1e-9);
    }

    @Test
    void aBlinkIsOpenThenClosedThenOpen() {
        LivenessTracker tracker = tracker();
        assertEquals(0, feed(tracker, face(0, 0, SHUT, 0.9), face(1, 1, OPEN, 0.9)).blinks(), "closed at the start is no blink");
        assertEquals(0, feed(tracker, face(2, 0, SHUT, 0.9), face(3, 0, SHUT, 0.9)).blinks(), "not yet open again");
        assertEquals(1, feed(tracker, face(4, 1, OPEN, 0.9)).blinks());
        assertEquals(2, feed(tracker, face(5, 0.1, SHUT, 0.9), face(6, 0.9, OPEN, 0.9)).blinks());
    }

    @Test
    void readingsBetweenTheThresholdsChangeNothing() {
        LivenessTracker tracker = tracker();
        // 0.5 and 0.35 are neither closed (<= 0.3) nor open (>= 0.7) and the lids are not down to 70 % of
        // the open ones (a wink averages to 0.5 at best): the eyes stay open.
        assertEquals(0, feed(tracker, face(0, 1, OPEN, 0.9), face(1, 0.5, SHUT, 0.9), face(2, 0.35, OPEN * 0.75, 0.9),
                face(3, 1, OPEN, 0.9)).blinks());
        // Once closed, a half-open reading does not reopen them.
        LivenessAssessment closed = feed(tracker, face(4, 0.3, SHUT, 0.9), face(5, 0.6, SHUT, 0.9));
        assertEquals(0, closed.blinks());
        assertEquals(1, feed(tracker, face(6, 0.7, OPEN, 0.9)).blinks());
    }

    @Test
    void aClosedReadingNeedsTheLidsToCloseToo() {
        LivenessTracker tracker = tracker();
        // The eye model says closed but the lid gap is 93 % of the open one (a smile or a downward glance)...
        assertEquals(0, feed(tracker, face(0, 1, OPEN, 0.9), face(1, 0, 0.28, 0.9), face(2, 1, OPEN, 0.9)).blinks());
        // ...at 84 % the lids have closed enough.
        assertEquals(1, feed(tracker, face(3, 0, OPEN * 0.84, 0.9), face(4, 1, OPEN, 0.9)).blinks());
    }

    @Test
    void aQuickBlinkCaughtHalfWayCountsWhenTheLidsAreClearlyDown() {
        LivenessTracker tracker = tracker();
        // The sadtalker clip's blink at 3.9 s, one frame at 10 fps: the eye model undecided (0.39), the
        // lids at 62 % of this face's open-eye baseline.
        assertEquals(1, feed(tracker, face(0, 1, OPEN, 0.9), face(1, 1, OPEN, 0.9), face(2, 0.39, OPEN * 0.62, 0.9),
                face(3, 1, OPEN, 0.9)).blinks());
        // The same reading with the lids at 75 % is a glance, not a blink.
        assertEquals(1, feed(tracker, face(4, 0.39, OPEN * 0.75, 0.9), face(5, 1, OPEN, 0.9)).blinks());
    }

    @Test
    void aWinkIsNotABlink() {
        LivenessTracker tracker = tracker();
        DetectedFace wink = face(1, new double[]{0, 1}, SHUT, OPEN, 0.9, FACE);
        assertEquals(0, feed(tracker, face(0, 1, OPEN, 0.9), wink, face(2, 1, OPEN, 0.9)).blinks());
    }

    @Test
    void theSameFrameAgainAndAgainFailsAndIsSuspected() {
        LivenessTracker tracker = tracker();
        DetectedFace still = face(0, 1, OPEN, 0.95);
        LivenessAssessment early = feed(tracker, still, still, still, still, still);
        assertFalse(early.spoofSuspected(), "under a second is not enough evidence");

        LivenessAssessment later = feed(tracker, still, still, still, still, still, still);
        assertEquals(11, later.frames());
        assertEquals(0.0, later.motion());
        assertFalse(later.verified());
        assertTrue(later.spoofSuspected(), later.toString());
        assertEquals(Set.of(LivenessCheck.ANTI_SPOOF), later.passed());
        assertEquals(Set.of(LivenessCheck.BLINK, LivenessCheck.MOTION), later.failed());
        assertEquals(LivenessPrompt.BLINK, later.nextPrompt());
        assertEquals(0.95 / 3, later.score(), 1e-9);
    }

    @Test
    void aStillFaceThatBlinksIsAskedToTurn() {
        // Only the eye points move: 12 of 68 points by a few pixels, under this (high) motion threshold on average.
        LivenessTracker tracker = new LivenessTracker(new LivenessPolicy(1, 3, 0.05, 0.5, false));
        LivenessAssessment a = feed(tracker, face(0, 1, OPEN, 0.9), face(0, 0, SHUT, 0.9), face(0, 1, OPEN, 0.9));
        assertEquals(1, a.blinks());
        assertFalse(a.verified());
        assertEquals(LivenessPrompt.TURN_SLIGHTLY, a.nextPrompt());
    }

    @Test
    void aFaceThatJumpsStartsTheEvidenceAfresh() {
        LivenessTracker tracker = tracker();
        assertTrue(feed(tracker, face(0, 1, OPEN, 0.9), face(2, 0, SHUT, 0.9), face(4, 1, OPEN, 0.9)).verified());

        LivenessAssessment jumped = feed(tracker, face(150, 1, OPEN, 0.9)); // overlaps the last box by 0.32
        assertFalse(jumped.verified());
        assertEquals(1, jumped.frames());
        assertEquals(0, jumped.blinks());
        assertEquals(LivenessPrompt.HOLD_STILL, jumped.nextPrompt());

        LivenessAssessment tracked = feed(tracker, face(152, 1, OPEN, 0.9));
        assertEquals(2, tracked.frames());
        assertEquals(LivenessPrompt.BLINK, tracked.nextPrompt());
    }

    @Test
    void framesWithoutAUsableFaceOnlySetThePrompt() {
        LivenessTracker tracker = tracker();
        assertEquals(LivenessPrompt.LOOK_AT_CAMERA, tracker.assessment().nextPrompt());
        assertEquals(0.0, tracker.assessment().score());

        LivenessAssessment none = feed(tracker, (DetectedFace) null);
        assertEquals(LivenessPrompt.LOOK_AT_CAMERA, none.nextPrompt());
        assertEquals(0, none.frames());

        DetectedFace small = face(0, new double[]{1, 1}, OPEN, OPEN, 0.9, LivenessTracker.MIN_FACE_SIDE - 1);
        LivenessAssessment tooSmall = feed(tracker, small);
        assertEquals(LivenessPrompt.MOVE_CLOSER, tooSmall.nextPrompt());
        assertEquals(0, tooSmall.frames());
        assertEquals(0.0, tooSmall.antiSpoof());

        assertEquals(1, feed(tracker, face(0, 1, OPEN, 0.9)).frames());
    }

    @Test
    void theAntiSpoofCheckIsRequiredUnlessTurnedOff() {
        LivenessPolicy required = LivenessPolicy.defaults();
        LivenessTracker spoofed = new LivenessTracker(required);
        LivenessAssessment low = feed(spoofed, face(0, 1, OPEN, 0.1), face(2, 0, SHUT, 0.2), face(4, 1, OPEN, 0.3));
        assertFalse(low.verified());
        assertEquals(Set.of(LivenessCheck.ANTI_SPOOF), low.failed());
        assertEquals(LivenessPrompt.MOVE_CLOSER, low.nextPrompt());
        assertEquals(0.2, low.antiSpoof(), 1e-9);

        LivenessTracker live = new LivenessTracker(required);
        assertTrue(feed(live, face(0, 1, OPEN, 0.6), face(2, 0, SHUT, 0.5), face(4, 1, OPEN, 0.7)).verified());

        // Turned off: reported as failed, but the session is verified.
        LivenessPolicy advisoryOnly = new LivenessPolicy(1, 3, LivenessPolicy.DEFAULT_MIN_MOTION, 0.5, false);
        LivenessAssessment advisory = feed(new LivenessTracker(advisoryOnly), face(0, 1, OPEN, 0.1), face(2, 0, SHUT, 0.2),
                face(4, 1, OPEN, 0.3));
        assertTrue(advisory.verified());
        assertEquals(Set.of(LivenessCheck.ANTI_SPOOF), advisory.failed());
    }

    @Test
    void blinksAndFramesFollowThePolicy() {
        LivenessTracker noBlink = new LivenessTracker(LivenessPolicy.defaults().withSessionRequirements(0, 3));
        assertTrue(feed(noBlink, face(0, 1, OPEN, 0.9), face(2, 1, OPEN, 0.9), face(4, 1, OPEN, 0.9)).verified());

        LivenessTracker twoBlinksSixFrames = new LivenessTracker(LivenessPolicy.defaults().withSessionRequirements(2, 6));
        LivenessAssessment one = feed(twoBlinksSixFrames, face(0, 1, OPEN, 0.9), face(2, 0, SHUT, 0.9), face(4, 1, OPEN, 0.9));
        assertEquals(LivenessPrompt.BLINK, one.nextPrompt());
        assertEquals((0.5 + 1 + 0.9) / 3, one.score(), 1e-9, "half the blinks: half the blink third");
        LivenessAssessment two = feed(twoBlinksSixFrames, face(6, 0, SHUT, 0.9), face(8, 1, OPEN, 0.9));
        assertEquals(2, two.blinks());
        assertFalse(two.verified(), "five frames of six");
        assertEquals(LivenessPrompt.HOLD_STILL, two.nextPrompt());
        assertTrue(feed(twoBlinksSixFrames, face(10, 1, OPEN, 0.9)).verified());
    }

    @Test
    void motionIsMeasuredOverAtLeastFiftyMilliseconds() {
        LivenessTracker tracker = tracker();
        // 30 fps: frames 33 ms apart, each moved 1 px. Samples span two frames: 2 px on a 200 px face.
        for (int i = 0; i < 7; i++) {
            tracker.observe(i * 33L, face(i, 1, OPEN, 0.9));
        }
        assertEquals(2 / FACE, tracker.assessment().motion(), 1e-9);
    }

    @Test
    void refusesFramesOutOfOrderAndFacesWithoutTheNeededAttributes() {
        LivenessTracker tracker = tracker();
        tracker.observe(1000, face(0, 1, OPEN, 0.9));
        tracker.observe(1000, face(0, 1, OPEN, 0.9)); // the same time is allowed
        assertThrows(IllegalArgumentException.class, () -> tracker.observe(999, face(0, 1, OPEN, 0.9)));

        DetectedFace full = face(0, 1, OPEN, 0.9);
        DetectedFace withoutEyes = new DetectedFace(full.box(), full.detectionScore(), full.landmarks(), full.quality(),
                0.9, null, null, null);
        DetectedFace withoutLiveness = new DetectedFace(full.box(), full.detectionScore(), full.landmarks(), full.quality(),
                null, new double[]{1, 1}, null, null);
        assertThrows(IllegalArgumentException.class, () -> tracker.observe(2000, withoutEyes));
        assertThrows(IllegalArgumentException.class, () -> tracker.observe(2000, withoutLiveness));
    }

    @Test
    void asksForTheEyeModelUntilTheBlinkAndForTheAntiSpoofModelOnAThirdOfASettledFacesFrames() {
        LivenessTracker tracker = tracker();
        assertEquals(Set.of(FaceAttribute.EYES, FaceAttribute.LIVENESS), tracker.attributesForNextFrame());
        feed(tracker, face(0, 1, OPEN, 0.9), face(1, 0, SHUT, 0.9), face(2, 1, OPEN, 0.9));
        assertEquals(1, tracker.assessment().blinks());
        assertEquals(Set.of(FaceAttribute.LIVENESS), tracker.attributesForNextFrame(), "the blink is seen");
        feed(tracker, face(3, 1, OPEN, 0.9), face(4, 1, OPEN, 0.9));
        // Five scores of 0.9, 0.4 above the threshold: settled. The model now runs on every third frame.
        List<Boolean> asked = new ArrayList<>();
        for (int i = 5; i < 11; i++) {
            boolean antiSpoof = tracker.attributesForNextFrame().contains(FaceAttribute.LIVENESS);
            asked.add(antiSpoof);
            DetectedFace face = face(i, 1, OPEN, 0.9);
            feed(tracker, new DetectedFace(face.box(), face.detectionScore(), face.landmarks(), face.quality(),
                    antiSpoof ? 0.9 : null, null, null, null));
        }
        assertEquals(List.of(false, false, true, false, false, true), asked);
        assertEquals(0.9, tracker.assessment().antiSpoof(), 1e-9, "the mean of the scores taken");
        assertTrue(tracker.assessment().verified());

        // Another face (the box jumps) starts the evidence afresh: both models on its next frame.
        feed(tracker, face(150, 1, OPEN, 0.9));
        assertEquals(Set.of(FaceAttribute.EYES, FaceAttribute.LIVENESS), tracker.attributesForNextFrame());
    }

    @Test
    void aMeanNearTheThresholdKeepsTheAntiSpoofModelOnEveryFrame() {
        LivenessTracker tracker = tracker();
        for (int i = 0; i < 10; i++) {
            feed(tracker, face(i, 1, OPEN, 0.6));
            assertTrue(tracker.attributesForNextFrame().contains(FaceAttribute.LIVENESS), "0.6 is within 0.2 of 0.5");
        }
    }

    @Test
    void sessionRequirementsAreCheckedAndNamed() {
        LivenessPolicy defaults = LivenessPolicy.defaults();
        assertEquals(defaults, defaults.withSessionRequirements(null, null));
        assertEquals(3, defaults.withSessionRequirements(3, null).requiredBlinks());
        assertEquals(10, defaults.withSessionRequirements(null, 10).minFrames());

        FaceGateException blinks = assertThrows(FaceGateException.class, () -> defaults.withSessionRequirements(-1, null));
        assertEquals(ErrorKind.INVALID_REQUEST, blinks.kind());
        assertEquals("invalid_liveness_requirement", blinks.code());
        assertEquals(Map.of("field", "required_blinks"), blinks.details());
        FaceGateException frames = assertThrows(FaceGateException.class, () -> defaults.withSessionRequirements(1, 0));
        assertEquals(Map.of("field", "min_frames_required"), frames.details());
        assertThrows(FaceGateException.class, () -> defaults.withSessionRequirements(LivenessPolicy.MAX_REQUIRED_BLINKS + 1, null));
        assertThrows(FaceGateException.class, () -> defaults.withSessionRequirements(null, LivenessPolicy.MAX_MIN_FRAMES + 1));
    }

    @Test
    void configurationRefusesOutOfRangeSettings() {
        LivenessConfiguration configuration = new LivenessConfiguration();
        configuration.requiredBlinks = 2;
        configuration.minFrames = 5;
        configuration.minMotion = 0.002;
        configuration.antiSpoofThreshold = 0.6;
        configuration.antiSpoofRequired = true;
        configuration.load();
        assertEquals(new LivenessPolicy(2, 5, 0.002, 0.6, true), configuration.policy());

        configuration.minMotion = 0;
        assertThrows(IllegalArgumentException.class, configuration::load);
        configuration.minMotion = 0.002;
        configuration.antiSpoofThreshold = 1.5;
        assertThrows(IllegalArgumentException.class, configuration::load);
    }
}
