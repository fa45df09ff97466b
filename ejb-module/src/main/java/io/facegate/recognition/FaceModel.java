package io.facegate.recognition;

/**
 * The shipped TorchScript models (models/README.md), each with its fixed NCHW input size. Every
 * model takes any batch size.
 */
public enum FaceModel {
    DETECT("fr_detect", 3, 240, 320),
    LANDMARK("fr_landmark", 1, 64, 64),
    FEATURE("fr_feature", 3, 112, 112),
    LIVENESS("fr_liveness", 3, 128, 128),
    EYE("fr_eye", 1, 24, 24),
    POSE("fr_pose", 3, 224, 224);

    private final String fileName;
    private final int channels;
    private final int height;
    private final int width;

    FaceModel(String name, int channels, int height, int width) {
        this.fileName = name + ".pt";
        this.channels = channels;
        this.height = height;
        this.width = width;
    }

    /** The classpath resource the models module packages it as. */
    public String resource() {
        return "facegate/models/" + fileName;
    }

    public String fileName() {
        return fileName;
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
