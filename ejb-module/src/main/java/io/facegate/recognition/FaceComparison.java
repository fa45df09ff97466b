package io.facegate.recognition;

/** The 1:1 comparison of the largest face in each of two images. */
public record FaceComparison(double similarity, boolean match, double threshold,
                             DetectedFace sourceFace, DetectedFace targetFace) {
}
