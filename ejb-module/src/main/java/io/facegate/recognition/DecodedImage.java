package io.facegate.recognition;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A decoded image: 8-bit RGB pixels in native memory. Close it (try-with-resources) to free them
 * at once rather than whenever the garbage collector gets to it.
 */
public final class DecodedImage implements AutoCloseable {

    private final Mat rgb;

    /** Takes ownership of {@code rgb}, a CV_8UC3 matrix in RGB channel order. */
    DecodedImage(Mat rgb) {
        this.rgb = rgb;
    }

    public int width() {
        return rgb.cols();
    }

    public int height() {
        return rgb.rows();
    }

    Mat rgb() {
        return rgb;
    }

    @Override
    public void close() {
        rgb.close();
    }
}
