package io.facegate.cameras;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

/**
 * An RTSP stream decoded by FFmpeg (JavaCV's grabber), over TCP with the socket timeout set:
 * without {@code timeout} a read can block forever in native code. Every frame is
 * decoded (H.264 needs them all) but only {@code maxFps} of them a second are encoded as JPEG and
 * delivered. The grabber is not thread-safe: {@link #close()} from another thread only marks the
 * feed closed, and the reading thread releases the grabber once its read returns (within the
 * read timeout).
 */
final class RtspFeed implements CameraFeed {

    private static final int JPEG_QUALITY = 90;
    private static final int STALLED_READ_TIMEOUTS = 4;
    /** FFmpeg's FFERRTAG(0xF8, '4', '0', '1') and its siblings. */
    private static final int AVERROR_HTTP_UNAUTHORIZED = -0x313034F8;
    private static final int AVERROR_HTTP_FORBIDDEN = -0x333034F8;
    private static final int AVERROR_HTTP_NOT_FOUND = -0x343034F8;
    private static final Pattern ERROR_CODE = Pattern.compile("error (-\\d+)");

    private final FFmpegFrameGrabber grabber;
    private final OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
    private final long intervalNanos;
    private final Ticker ticker;
    private long lastDelivered = Long.MIN_VALUE;
    private long bytes;
    private boolean reading;
    private boolean closed;
    private boolean released;

    private RtspFeed(FFmpegFrameGrabber grabber, double maxFps, Ticker ticker) {
        this.grabber = grabber;
        this.intervalNanos = (long) (1_000_000_000L / maxFps);
        this.ticker = ticker;
    }

    /**
     * @param url the stream URL with the checked IP literal as host and the credentials as user info
     */
    static RtspFeed open(URI url, Duration timeout, double maxFps, Ticker ticker) throws IOException {
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(url.toString());
        grabber.setOption("rtsp_transport", "tcp");
        // The RTSP demuxer's socket I/O timeout (it rejects, i.e. ignores, the generic rw_timeout). Measured with
        // FFmpeg 7.1: a read from a frozen server returns after four of these, so a quarter of the read timeout.
        grabber.setOption("timeout", String.valueOf(timeout.toNanos() / 1000 / STALLED_READ_TIMEOUTS));
        try {
            grabber.start();
        } catch (FrameGrabber.Exception e) {
            release(grabber);
            throw classified(e);
        }
        return new RtspFeed(grabber, maxFps, ticker);
    }

    @Override
    public CapturedFrame next() throws IOException {
        while (true) {
            Frame frame;
            synchronized (this) {
                if (closed) {
                    throw new CameraException(CameraFailure.STREAM_ENDED, "closed");
                }
                reading = true;
            }
            try {
                frame = grabber.grabImage();
            } catch (FrameGrabber.Exception e) {
                throw classified(e);
            } finally {
                releaseIfClosed();
            }
            if (frame == null || frame.image == null) {
                throw new CameraException(CameraFailure.STREAM_ENDED, "the RTSP stream ended");
            }
            long now = ticker.nanoTime();
            if (lastDelivered != Long.MIN_VALUE && now - lastDelivered < intervalNanos) {
                continue;
            }
            lastDelivered = now;
            byte[] jpeg = encode(frame);
            bytes += jpeg.length;
            return new CapturedFrame(jpeg, now);
        }
    }

    private byte[] encode(Frame frame) throws CameraException {
        Mat bgr = converter.convert(frame);
        try (BytePointer encoded = new BytePointer(); IntPointer params = new IntPointer(IMWRITE_JPEG_QUALITY, JPEG_QUALITY)) {
            if (bgr == null || !imencode(".jpg", bgr, encoded, params)) {
                throw new CameraException(CameraFailure.IO, "a decoded RTSP frame could not be encoded as JPEG");
            }
            byte[] jpeg = new byte[(int) encoded.limit()];
            encoded.get(jpeg);
            return jpeg;
        }
    }

    /** Encoded bytes delivered (the compressed stream's size is FFmpeg's business). */
    @Override
    public long bytesReceived() {
        return bytes;
    }

    @Override
    public void close() {
        boolean releaseNow;
        synchronized (this) {
            closed = true;
            releaseNow = !reading && !released;
            released |= releaseNow;
        }
        if (releaseNow) {
            release(grabber);
        }
    }

    private void releaseIfClosed() {
        boolean releaseNow;
        synchronized (this) {
            reading = false;
            releaseNow = closed && !released;
            released |= releaseNow;
        }
        if (releaseNow) {
            release(grabber);
        }
    }

    private static void release(FFmpegFrameGrabber grabber) {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception e) {
            // releasing anyway
        }
    }

    /**
     * FFmpeg's failure as a camera test reports it, by its error code (AVERROR values in the
     * message). The message is rebuilt without the URL, which carries the password.
     */
    static CameraException classified(Exception e) {
        String text = e.getMessage() == null ? e.toString() : e.getMessage();
        Matcher code = ERROR_CODE.matcher(text);
        int error = code.find() ? Integer.parseInt(code.group(1)) : 0;
        CameraFailure failure = switch (error) {
            case AVERROR_HTTP_UNAUTHORIZED -> CameraFailure.UNAUTHORIZED;
            case AVERROR_HTTP_FORBIDDEN, AVERROR_HTTP_NOT_FOUND -> CameraFailure.HTTP_ERROR;
            case -111, -113, -101 -> CameraFailure.REFUSED; // ECONNREFUSED, EHOSTUNREACH, ENETUNREACH
            case -110 -> CameraFailure.TIMEOUT; // ETIMEDOUT
            default -> CameraFailure.IO;
        };
        String message = switch (failure) {
            case UNAUTHORIZED -> "the camera refused the username and password (RTSP 401)";
            case HTTP_ERROR -> "the camera refused the stream (RTSP " + (error == AVERROR_HTTP_FORBIDDEN ? "403" : "404") + ")";
            case REFUSED -> "the RTSP connection was refused or the camera is unreachable";
            case TIMEOUT -> "the RTSP camera did not answer in time";
            default -> "RTSP: " + text.replaceAll("rtsp://\\S*", "rtsp://...").replaceAll(" \\(.*", "");
        };
        CameraException classified = new CameraException(failure, message);
        classified.initCause(new IOException(text.replaceAll("rtsp://\\S*", "rtsp://...")));
        return classified;
    }
}
