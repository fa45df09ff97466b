package io.facegate.domain.detections;

/**
 * What a tracked face turned out to be (seed 002's statuses), in increasing order of what it tells:
 * a track's event only ever moves up this order.
 */
public enum DetectionStatus {
    /** Poor quality, or similar to someone but not enough to be sure either way. */
    UNKNOWN,
    /** A good-quality face far below the threshold for everyone: a stranger worth enrolling. */
    NEW_FACE,
    /** Two or more enrolled people within the ambiguity margin of each other. */
    MULTIPLE_MATCHES,
    /** One enrolled person above the threshold. */
    MATCHED
}
