package io.facegate.domain.sessions;

/**
 * What a session needs before it can complete.
 *
 * @param targetSamples  accepted frames an enrollment collects
 * @param minFrames      accepted frames an authentication needs before deciding
 * @param maxFrames      frames after which an undecided session fails rather than run forever
 * @param requiredBlinks blinks the liveness check waits for
 */
public record SessionRequirements(boolean requireLiveness, int targetSamples, int minFrames, int maxFrames, int requiredBlinks) {

    public static final int MAX_TARGET_SAMPLES = 10;
    public static final int MAX_FRAMES_LIMIT = 300;

    public SessionRequirements {
        check(targetSamples, 1, MAX_TARGET_SAMPLES, "target_samples");
        check(minFrames, 1, MAX_FRAMES_LIMIT, "min_frames_required");
        check(requiredBlinks, 0, 10, "required_blinks");
        check(maxFrames, Math.max(minFrames, targetSamples), MAX_FRAMES_LIMIT, "max_frames");
    }

    private static void check(int value, int min, int max, String name) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + value);
        }
    }
}
