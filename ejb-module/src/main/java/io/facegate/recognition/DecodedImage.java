package io.facegate.recognition;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

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

    /**
     * The pixels as a fresh JPEG: what is stored of a frame (a profile image) carries no EXIF data
     * such as GPS position, whatever the upload held, and is scaled down to {@code maxSide} pixels.
     */
    public byte[] encodeJpeg(int quality, int maxSide) {
        try (Mat bgr = new Mat(); BytePointer encoded = new BytePointer(); IntPointer params = new IntPointer(IMWRITE_JPEG_QUALITY, quality)) {
            cvtColor(rgb, bgr, COLOR_RGB2BGR);
            double scale = (double) maxSide / Math.max(width(), height());
            if (scale < 1) {
                try (Size size = new Size((int) Math.round(width() * scale), (int) Math.round(height() * scale))) {
                    resize(bgr, bgr, size, 0, 0, INTER_AREA);
                }
            }
            if (!imencode(".jpg", bgr, encoded, params)) {
                throw new IllegalStateException("OpenCV could not encode a JPEG");
            }
            byte[] bytes = new byte[(int) encoded.limit()];
            encoded.get(bytes);
            return bytes;
        }
    }

    @Override
    public void close() {
        rgb.close();
    }
}
