package io.facegate.recognition;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/** Image crops resized for a model, and 8-bit HWC pixels written as normalised float NCHW items. */
final class Tensors {

    private Tensors() {
    }

    /**
     * Resizes {@code region} of {@code image} to {@code width} x {@code height}: area averaging when
     * shrinking (plain bilinear sampling would alias a large face into noise), bilinear when growing.
     */
    static Mat resizeRegion(Mat image, FaceCrops.Region region, int width, int height) {
        Mat out = new Mat();
        try (Rect roi = new Rect(region.x(), region.y(), region.width(), region.height());
             Mat view = new Mat(image, roi);
             Size size = new Size(width, height)) {
            boolean shrinking = region.width() > width || region.height() > height;
            resize(view, out, size, 0, 0, shrinking ? INTER_AREA : INTER_LINEAR);
        }
        return out;
    }

    /** Standard luma grey (0.299R + 0.587G + 0.114B) of an RGB matrix. */
    static Mat grey(Mat rgb) {
        Mat grey = new Mat();
        cvtColor(rgb, grey, COLOR_RGB2GRAY);
        return grey;
    }

    /** The same pixels in BGR order; {@code rgb} is freed. */
    static Mat bgr(Mat rgb) {
        try (rgb) {
            Mat bgr = new Mat();
            cvtColor(rgb, bgr, COLOR_RGB2BGR);
            return bgr;
        }
    }

    /** The pixels of a continuous 8-bit matrix, row-major, channels interleaved. */
    static byte[] bytes(Mat mat) {
        byte[] pixels = new byte[(int) mat.total() * mat.channels()];
        mat.data().get(pixels);
        return pixels;
    }

    /**
     * Writes an 8-bit HWC matrix into {@code tensor} at item {@code index} as CHW floats,
     * channel c becoming {@code (v - mean[c]) / std[c]}.
     */
    static void write(Mat mat, float[] tensor, int index, float[] mean, float[] std) {
        write(bytes(mat), mat.channels(), tensor, index, mean, std);
    }

    /** As {@link #write(Mat, float[], int, float[], float[])}, from pixels already copied out. */
    static void write(byte[] pixels, int channels, float[] tensor, int index, float[] mean, float[] std) {
        int plane = pixels.length / channels;
        int base = index * pixels.length;
        for (int c = 0; c < channels; c++) {
            float m = mean[c];
            float scale = 1f / std[c];
            int out = base + c * plane;
            for (int p = 0, in = c; p < plane; p++, in += channels) {
                tensor[out + p] = ((pixels[in] & 0xFF) - m) * scale;
            }
        }
    }
}
