package io.facegate.recognition;

/**
 * One face found in an image. Attributes not requested ({@link FaceAttribute}) are null.
 *
 * @param box            detector box in image pixels
 * @param detectionScore detector face probability
 * @param landmarks      the 68 landmarks in image pixels
 * @param quality        quality score and issues
 * @param livenessScore  probability that the face is live (not a photo or screen); one frame is weak evidence
 * @param eyesOpen       probability that each eye is open, image-left eye first
 * @param pose           head pose from the pose model
 * @param embedding      L2-normalised embedding of the aligned face
 */
public record DetectedFace(FaceBox box, double detectionScore, FaceLandmarks landmarks, FaceQuality quality,
                           Double livenessScore, double[] eyesOpen, HeadPose pose, FaceEmbedding embedding) {

    /** This face with {@code faceEmbedding} as its embedding. */
    public DetectedFace withEmbedding(FaceEmbedding faceEmbedding) {
        return new DetectedFace(box, detectionScore, landmarks, quality, livenessScore, eyesOpen, pose, faceEmbedding);
    }
}
