package io.facegate.recognition;

/**
 * The shipped models (models/README.md), each with its fixed NCHW input size, as TorchScript for
 * PyTorch and as ONNX for ONNX Runtime. Every model takes any batch size.
 */
public enum FaceModel {
    DETECT("fr_detect", 3, 240, 320),
    LANDMARK("fr_landmark", 1, 64, 64),
    FEATURE("fr_feature", 3, 112, 112),
    LIVENESS("fr_liveness", 3, 128, 128),
    EYE("fr_eye", 1, 24, 24),
    POSE("fr_pose", 3, 224, 224);

    private final String baseName;
    private final int channels;
    private final int height;
    private final int width;

    FaceModel(String name, int channels, int height, int width) {
        this.baseName = name;
        this.channels = channels;
        this.height = height;
        this.width = width;
    }

    /** The classpath resource the models module packages the engine's file as. */
    public String resource(InferenceEngine engine) {
        return "facegate/models/" + fileName(engine);
    }

    /** The file name without extension, e.g. {@code fr_detect}. */
    public String baseName() {
        return baseName;
    }

    /** The model's file for the engine, e.g. {@code fr_detect.onnx}. */
    public String fileName(InferenceEngine engine) {
        return baseName + engine.fileExtension();
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** Floats in one input item: channels x height x width. */
    public int itemSize() {
        return channels * height * width;
    }
}
