package io.facegate.liveness;

import io.facegate.system.ErrorKind;
import io.facegate.system.FaceGateException;

import java.util.Map;

/**
 * What a session must show to be judged live. The defaults and the reasons for them are in
 * docs/liveness.md; {@link LivenessConfiguration} reads them from MicroProfile Config.
 *
 * @param requiredBlinks     blinks needed (0 drops the blink requirement)
 * @param minFrames          usable frames (a face large enough) needed before a verdict
 * @param minMotion          mean landmark movement between motion samples (frames at least
 *                           {@value LivenessTracker#MIN_MOTION_INTERVAL_MS} ms apart, every frame at 10 fps), as a
 *                           fraction of the face height, that counts as a moving face
 * @param antiSpoofThreshold mean live probability of the anti-spoof model that passes {@link LivenessCheck#ANTI_SPOOF}
 * @param antiSpoofRequired  whether {@link LivenessCheck#ANTI_SPOOF} must pass for a session to be verified; off by
 *                           default because the model scores some real webcam faces as spoofs (docs/liveness.md)
 */
public record LivenessPolicy(int requiredBlinks, int minFrames, double minMotion, double antiSpoofThreshold,
                             boolean antiSpoofRequired) {

    public static final int DEFAULT_REQUIRED_BLINKS = 1;
    /** As in the session API's example metadata ({@code min_frames_required: 3}). */
    public static final int DEFAULT_MIN_FRAMES = 3;
    /**
     * A quarter of a pixel on a 250-pixel face at 10 fps: five times the still-image clip's mean (0.0002,
     * video codec noise only) and a quarter of the stillest real clip's (0.0040).
     */
    public static final double DEFAULT_MIN_MOTION = 0.001;
    /** The model's own decision boundary: live more likely than not. */
    public static final double DEFAULT_ANTI_SPOOF_THRESHOLD = 0.5;
    public static final boolean DEFAULT_ANTI_SPOOF_REQUIRED = true;

    static final int MAX_REQUIRED_BLINKS = 10;
    static final int MAX_MIN_FRAMES = 300;

    public LivenessPolicy {
        if (requiredBlinks < 0 || requiredBlinks > MAX_REQUIRED_BLINKS) {
            throw new IllegalArgumentException("required blinks must be 0-" + MAX_REQUIRED_BLINKS + ", got " + requiredBlinks);
        }
        if (minFrames < 1 || minFrames > MAX_MIN_FRAMES) {
            throw new IllegalArgumentException("min frames must be 1-" + MAX_MIN_FRAMES + ", got " + minFrames);
        }
        if (!(minMotion > 0 && minMotion < 1)) {
            throw new IllegalArgumentException("min motion must be in (0, 1), got " + minMotion);
        }
        if (!(antiSpoofThreshold >= 0 && antiSpoofThreshold <= 1)) {
            throw new IllegalArgumentException("anti-spoof threshold must be in [0, 1], got " + antiSpoofThreshold);
        }
    }

    public static LivenessPolicy defaults() {
        return new LivenessPolicy(DEFAULT_REQUIRED_BLINKS, DEFAULT_MIN_FRAMES, DEFAULT_MIN_MOTION,
                DEFAULT_ANTI_SPOOF_THRESHOLD, DEFAULT_ANTI_SPOOF_REQUIRED);
    }

    /**
     * This policy with a session's own requirements (its metadata {@code required_blinks} and
     * {@code min_frames_required}); a null keeps this policy's value.
     *
     * @throws FaceGateException 400 {@code invalid_liveness_requirement} naming the field out of range
     */
    public LivenessPolicy withSessionRequirements(Integer requiredBlinks, Integer minFrames) {
        int blinks = requiredBlinks == null ? this.requiredBlinks : requiredBlinks;
        int frames = minFrames == null ? this.minFrames : minFrames;
        if (blinks < 0 || blinks > MAX_REQUIRED_BLINKS) {
            throw invalid("required_blinks", "required_blinks must be between 0 and " + MAX_REQUIRED_BLINKS);
        }
        if (frames < 1 || frames > MAX_MIN_FRAMES) {
            throw invalid("min_frames_required", "min_frames_required must be between 1 and " + MAX_MIN_FRAMES);
        }
        return new LivenessPolicy(blinks, frames, minMotion, antiSpoofThreshold, antiSpoofRequired);
    }

    private static FaceGateException invalid(String field, String message) {
        return new FaceGateException(ErrorKind.INVALID_REQUEST, "invalid_liveness_requirement", message, Map.of("field", field));
    }
}
