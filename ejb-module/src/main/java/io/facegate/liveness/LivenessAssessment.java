package io.facegate.liveness;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The liveness evidence of a session so far.
 *
 * @param score          liveness score in [0, 1]: the mean of the three checks' evidence (blinks seen over blinks
 *                       required or over one when none are, capped at 1; motion over twice its threshold, capped
 *                       at 1; the mean anti-spoof live probability), so each check is worth a third
 * @param verified       enough frames and every required check passed ({@link LivenessTracker})
 * @param frames         usable frames counted (a face large enough, tracked continuously)
 * @param blinks         completed blinks (open, closed, open)
 * @param motion         mean landmark movement per motion interval as a fraction of the face height; 0 before two frames
 * @param antiSpoof      mean live probability of the anti-spoof model; 0 before the first frame
 * @param passed         the checks passed so far
 * @param nextPrompt     what to ask the user next, null once verified with a usable face in view
 * @param spoofSuspected the evidence points at a presentation attack: the face has stayed frozen, as a photo held
 *                       still or a replayed frame does, for at least a second of frames; worth an incident report
 *                       when the session fails
 */
public record LivenessAssessment(double score, boolean verified, int frames, int blinks, double motion, double antiSpoof,
                                 Set<LivenessCheck> passed, LivenessPrompt nextPrompt, boolean spoofSuspected) {

    public LivenessAssessment {
        EnumSet<LivenessCheck> copy = EnumSet.noneOf(LivenessCheck.class);
        copy.addAll(passed);
        passed = Collections.unmodifiableSet(copy);
    }

    /** The checks not (yet) passed. */
    public Set<LivenessCheck> failed() {
        EnumSet<LivenessCheck> failed = EnumSet.allOf(LivenessCheck.class);
        failed.removeAll(passed);
        return failed;
    }
}
