package io.facegate.recognition;

/**
 * The face engine's tunables (MicroProfile Config keys on {@link FaceEngine}).
 *
 * @param maxImageBytes      largest encoded image accepted
 * @param maxImagePixels     largest decoded image accepted (width x height), checked before decoding
 * @param detectionThreshold detector score a face needs
 * @param nmsIou             overlap above which the weaker of two detections is dropped
 * @param maxFaces           faces analysed per image, largest first
 * @param matchThreshold     cosine similarity at which two faces are the same person
 * @param minFaceSize        face side in pixels below which quality reports face_too_small
 * @param inference          which engine runs the models, and how many inferences at once
 */
public record RecognitionSettings(long maxImageBytes, long maxImagePixels, double detectionThreshold, double nmsIou,
                                  int maxFaces, double matchThreshold, double minFaceSize, InferenceSettings inference) {

    public static final double DEFAULT_DETECTION_THRESHOLD = 0.65;
    public static final double DEFAULT_NMS_IOU = 0.4;
    public static final int DEFAULT_MAX_FACES = 32;
    /** Calibrated on identities/pairs_dev.csv: see docs/benchmarks/face-engine.md. */
    public static final double DEFAULT_MATCH_THRESHOLD = 0.40;
    /** Where recognition degrades: docs/benchmarks/quality-gates.md. */
    public static final double DEFAULT_MIN_FACE_SIZE = 24;

    public static RecognitionSettings defaults() {
        return defaults(InferenceSettings.defaults());
    }

    /** The defaults, with the models run as {@code inference} says. */
    public static RecognitionSettings defaults(InferenceSettings inference) {
        return new RecognitionSettings(ImageDecoder.DEFAULT_MAX_BYTES, ImageDecoder.DEFAULT_MAX_PIXELS,
                DEFAULT_DETECTION_THRESHOLD, DEFAULT_NMS_IOU, DEFAULT_MAX_FACES, DEFAULT_MATCH_THRESHOLD,
                DEFAULT_MIN_FACE_SIZE, inference);
    }
}
