package io.facegate.cameras;

/**
 * Which of a camera's frames are offered for analysis: {@code detect_fps} of them a second, on a
 * schedule that does not drift. A frame a little early for its slot (network jitter) still takes
 * it, so that a 10 fps camera analysed at 5 fps gives every other frame, not every third.
 */
final class AnalysisPacer {

    private final long intervalNanos;
    private final long toleranceNanos;
    private long nextDue = Long.MIN_VALUE;

    AnalysisPacer(int framesPerSecond) {
        this.intervalNanos = 1_000_000_000L / framesPerSecond;
        this.toleranceNanos = intervalNanos / 4;
    }

    /** Whether the frame that arrived at {@code now} is to be analysed. */
    boolean due(long now) {
        if (nextDue != Long.MIN_VALUE && now < nextDue - toleranceNanos) {
            return false;
        }
        // The next slot follows this one; after a pause (no frames) the schedule starts afresh.
        nextDue = nextDue == Long.MIN_VALUE || now - nextDue > intervalNanos ? now + intervalNanos : nextDue + intervalNanos;
        return true;
    }
}
