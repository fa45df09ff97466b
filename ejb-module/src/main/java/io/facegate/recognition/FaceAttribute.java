package io.facegate.recognition;

/**
 * Optional per-face analyses. Detection, landmarks and quality always run; each of these costs one
 * more model run per frame, so callers ask only for what they use.
 */
public enum FaceAttribute {
    EMBEDDING,
    LIVENESS,
    EYES,
    /** Head pose from the pose model; the quality check's frontal test does not need it. */
    POSE
}
