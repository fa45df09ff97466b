package io.facegate.liveness;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * A video (mp4, GIF) replayed as a camera client sends it: frames sampled at a fixed rate, each
 * encoded as a JPEG of quality 80 (the WebSocket guide's advice), with the video's timestamps.
 */
final class Clip {

    record Frame(long timestampMillis, byte[] jpeg) {
    }

    private static final int JPEG_QUALITY = 80;

    static {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR); // not every stream's header on the test output
    }

    private Clip() {
    }

    /** The frames of {@code file} at {@code fps}, up to {@code maxMillis} of video. */
    static List<Frame> frames(Path file, int fps, long maxMillis) {
        return frames(file, fps, maxMillis, 1);
    }

    /** As {@link #frames(Path, int, long)}, each frame enlarged {@code scale} times (bicubic) before encoding. */
    static List<Frame> frames(Path file, int fps, long maxMillis, int scale) {
        long intervalMicros = 1_000_000L / fps;
        List<Frame> frames = new ArrayList<>();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            grabber.start();
            long next = 0;
            org.bytedeco.javacv.Frame frame;
            while ((frame = grabber.grabImage()) != null && frame.timestamp <= maxMillis * 1000) {
                if (frame.timestamp < next) {
                    continue;
                }
                next += intervalMicros;
                Mat image = converter.convert(frame);
                if (scale == 1) {
                    frames.add(new Frame(frame.timestamp / 1000, jpeg(image)));
                } else {
                    try (Mat enlarged = new Mat(); Size size = new Size(image.cols() * scale, image.rows() * scale)) {
                        resize(image, enlarged, size, 0, 0, INTER_CUBIC);
                        frames.add(new Frame(frame.timestamp / 1000, jpeg(enlarged)));
                    }
                }
            }
        } catch (FrameGrabber.Exception e) {
            throw new UncheckedIOException(new IOException("cannot decode " + file, e));
        }
        return frames;
    }

    private static byte[] jpeg(Mat bgr) {
        try (BytePointer buffer = new BytePointer(); IntPointer params = new IntPointer(IMWRITE_JPEG_QUALITY, JPEG_QUALITY)) {
            imencode(".jpg", bgr, buffer, params);
            byte[] bytes = new byte[(int) buffer.limit()];
            buffer.get(bytes);
            return bytes;
        }
    }
}
