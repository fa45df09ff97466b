package io.facegate.liveness;

import io.facegate.recognition.DetectedFace;
import io.facegate.recognition.FaceAttribute;
import io.facegate.recognition.ImagePoint;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The liveness evidence of one session, fed the session's frames in order. It combines three cues
 * ({@link LivenessCheck}): blinks ({@link BlinkDetector}), motion of the face landmarks between
 * frames, and the anti-spoof model's live probability averaged over the frames it ran on. A session is verified
 * once it has {@link LivenessPolicy#minFrames()} usable frames, the required blinks, a moving face
 * and, if the policy requires it, a passing anti-spoof average.
 * <p>
 * Evidence must come from one face followed from frame to frame: a face that jumps (its box
 * overlapping the previous one by less than {@value #MIN_TRACKING_OVERLAP}) starts the evidence
 * afresh. Frames without a face, or with a face too small for the eye and anti-spoof models, are
 * not evidence; they only set the prompt.
 * <p>
 * Not thread-safe: a session feeds its frames one at a time.
 */
public final class LivenessTracker {

    /** Everything the tracker can use from a frame; {@link #attributesForNextFrame()} says what it needs now. */
    public static final Set<FaceAttribute> REQUIRED_ATTRIBUTES = Set.of(FaceAttribute.LIVENESS, FaceAttribute.EYES);
    /**
     * Anti-spoof scores of the tracked face after which its mean counts as settled, if it is
     * {@value #SETTLED_MARGIN} or more from the threshold. Real faces' means move by less than 0.05
     * after their fifth frame and spoofs sit far below (docs/liveness.md).
     */
    static final int SETTLED_SCORES = 5;
    static final double SETTLED_MARGIN = 0.2;
    /** Once settled, the anti-spoof model (a third of a frame's cost) runs on one frame in this many. */
    static final int SETTLED_SCORE_INTERVAL = 3;

    /**
     * Motion is measured between frames at least this far apart, so that clients sending 10 to 30
     * frames a second see comparable values (at 10 fps every frame counts).
     */
    static final long MIN_MOTION_INTERVAL_MS = 50;
    /**
     * Box overlap (IoU) below which the face is taken for another one. Real clips at 10 fps never
     * went below 0.80 between frames; shot changes and face swaps fall to 0.07-0.23.
     */
    static final double MIN_TRACKING_OVERLAP = 0.5;
    /**
     * Face side in pixels below which a frame is no evidence: the eye and anti-spoof models need more
     * than recognition does (the spoof/ clips' 27-55 px faces score 0.00-0.06 live, docs/liveness.md).
     */
    static final double MIN_FACE_SIDE = 64;
    /** A face is suspected frozen only after this much observation. */
    static final long FROZEN_EVIDENCE_MS = 1000;

    private final LivenessPolicy policy;
    private Evidence evidence = new Evidence();
    private long lastTimestamp = Long.MIN_VALUE;
    private LivenessAssessment assessment;

    public LivenessTracker(LivenessPolicy policy) {
        this.policy = policy;
        this.assessment = assess(LivenessPrompt.LOOK_AT_CAMERA);
    }

    public LivenessPolicy policy() {
        return policy;
    }

    /** The assessment after the last frame (before any: nothing verified, prompt "look at the camera"). */
    public LivenessAssessment assessment() {
        return assessment;
    }

    /**
     * The attributes the next frame's face needs: the eye model only until the required blinks are
     * seen, the anti-spoof model on every frame until its mean is settled, then on every
     * {@value #SETTLED_SCORE_INTERVAL}rd. A face that starts evidence afresh needs both again at its
     * next frame.
     */
    public Set<FaceAttribute> attributesForNextFrame() {
        Evidence e = evidence;
        Set<FaceAttribute> needed = EnumSet.noneOf(FaceAttribute.class);
        if (e.blinks.blinks() < policy.requiredBlinks()) {
            needed.add(FaceAttribute.EYES);
        }
        boolean settled = e.antiSpoofScores >= SETTLED_SCORES
                && Math.abs(e.antiSpoofSum / e.antiSpoofScores - policy.antiSpoofThreshold()) >= SETTLED_MARGIN;
        if (!settled || e.framesSinceAntiSpoof + 1 >= SETTLED_SCORE_INTERVAL) {
            needed.add(FaceAttribute.LIVENESS);
        }
        return needed;
    }

    /**
     * Takes one frame.
     *
     * @param timestampMillis when the frame was captured or received, in milliseconds of any clock
     *                        that never goes back within the session
     * @param face            the frame's face (the session's choice, normally the largest), analysed
     *                        with at least {@link #attributesForNextFrame()}; null when the frame has none
     * @return the assessment with this frame
     * @throws IllegalArgumentException for a timestamp before the previous frame's, or a face analysed
     *                                  without the required attributes
     */
    public LivenessAssessment observe(long timestampMillis, DetectedFace face) {
        if (timestampMillis < lastTimestamp) {
            throw new IllegalArgumentException("frame at " + timestampMillis + " ms is older than the previous one at "
                    + lastTimestamp + " ms");
        }
        Set<FaceAttribute> needed = attributesForNextFrame();
        if (face != null && (needed.contains(FaceAttribute.LIVENESS) && face.livenessScore() == null
                || needed.contains(FaceAttribute.EYES) && face.eyesOpen() == null)) {
            throw new IllegalArgumentException("the face must be analysed with " + needed);
        }
        lastTimestamp = timestampMillis;
        LivenessPrompt framePrompt = null;
        if (face == null) {
            framePrompt = LivenessPrompt.LOOK_AT_CAMERA;
        } else if (Math.min(face.box().width(), face.box().height()) < MIN_FACE_SIDE) {
            framePrompt = LivenessPrompt.MOVE_CLOSER;
        } else {
            if (evidence.previous != null && evidence.previous.box().iou(face.box()) < MIN_TRACKING_OVERLAP) {
                evidence = new Evidence();
                framePrompt = LivenessPrompt.HOLD_STILL;
            }
            evidence.add(timestampMillis, face);
        }
        assessment = assess(framePrompt);
        return assessment;
    }

    private LivenessAssessment assess(LivenessPrompt framePrompt) {
        Evidence e = evidence;
        double motion = e.motionSamples == 0 ? 0 : e.motionSum / e.motionSamples;
        double antiSpoof = e.antiSpoofScores == 0 ? 0 : e.antiSpoofSum / e.antiSpoofScores;
        int blinks = e.blinks.blinks();

        Set<LivenessCheck> passed = EnumSet.noneOf(LivenessCheck.class);
        if (blinks >= policy.requiredBlinks()) {
            passed.add(LivenessCheck.BLINK);
        }
        if (e.motionSamples > 0 && motion >= policy.minMotion()) {
            passed.add(LivenessCheck.MOTION);
        }
        if (e.antiSpoofScores > 0 && antiSpoof >= policy.antiSpoofThreshold()) {
            passed.add(LivenessCheck.ANTI_SPOOF);
        }
        boolean verified = e.frames >= policy.minFrames()
                && passed.contains(LivenessCheck.BLINK)
                && passed.contains(LivenessCheck.MOTION)
                && (!policy.antiSpoofRequired() || passed.contains(LivenessCheck.ANTI_SPOOF));

        double score = e.frames == 0 ? 0 : (Math.min(1.0, (double) blinks / Math.max(1, policy.requiredBlinks()))
                + (e.motionSamples == 0 ? 0 : Math.min(1.0, motion / (2 * policy.minMotion())))
                + antiSpoof) / 3;
        // Half the motion threshold: a real face that is merely very still is not reported as an attack.
        boolean frozen = e.motionSamples > 0 && e.frames >= policy.minFrames()
                && e.last - e.first >= FROZEN_EVIDENCE_MS && motion < policy.minMotion() / 2;
        return new LivenessAssessment(score, verified, e.frames, blinks, motion, antiSpoof, passed,
                framePrompt != null ? framePrompt : nextPrompt(verified, passed), frozen);
    }

    private LivenessPrompt nextPrompt(boolean verified, Set<LivenessCheck> passed) {
        if (verified) {
            return null;
        }
        if (!passed.contains(LivenessCheck.BLINK)) {
            return LivenessPrompt.BLINK;
        }
        if (!passed.contains(LivenessCheck.MOTION)) {
            return LivenessPrompt.TURN_SLIGHTLY;
        }
        if (policy.antiSpoofRequired() && !passed.contains(LivenessCheck.ANTI_SPOOF)) {
            // The anti-spoof model scores small faces low (docs/liveness.md).
            return LivenessPrompt.MOVE_CLOSER;
        }
        return LivenessPrompt.HOLD_STILL; // only frames are missing
    }

    /**
     * Mean landmark displacement between two frames of a face, as a fraction of its height (the mean of
     * the two boxes' heights), so the value does not depend on image size or distance to the camera.
     */
    static double displacement(DetectedFace from, DetectedFace to) {
        List<ImagePoint> a = from.landmarks().points();
        List<ImagePoint> b = to.landmarks().points();
        double sum = 0;
        for (int i = 0; i < a.size(); i++) {
            sum += Math.hypot(b.get(i).x() - a.get(i).x(), b.get(i).y() - a.get(i).y());
        }
        double faceHeight = (from.box().height() + to.box().height()) / 2;
        return faceHeight <= 0 ? 0 : sum / a.size() / faceHeight;
    }

    /** The evidence from one continuously tracked face. */
    private static final class Evidence {
        final BlinkDetector blinks = new BlinkDetector();
        DetectedFace previous;
        DetectedFace motionReference;
        long motionReferenceTime;
        double motionSum;
        int motionSamples;
        double antiSpoofSum;
        int antiSpoofScores;
        int framesSinceAntiSpoof;
        int frames;
        long first;
        long last;

        void add(long timestamp, DetectedFace face) {
            if (frames == 0) {
                first = timestamp;
            }
            last = timestamp;
            frames++;
            if (face.livenessScore() != null) {
                antiSpoofSum += face.livenessScore();
                antiSpoofScores++;
                framesSinceAntiSpoof = 0;
            } else {
                framesSinceAntiSpoof++;
            }
            if (face.eyesOpen() != null) {
                blinks.observe(face.eyesOpen(), face.landmarks());
            }
            if (motionReference == null) {
                motionReference = face;
                motionReferenceTime = timestamp;
            } else if (timestamp - motionReferenceTime >= MIN_MOTION_INTERVAL_MS) {
                motionSum += displacement(motionReference, face);
                motionSamples++;
                motionReference = face;
                motionReferenceTime = timestamp;
            }
            previous = face;
        }
    }
}
