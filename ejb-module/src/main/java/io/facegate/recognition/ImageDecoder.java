package io.facegate.recognition;

import io.facegate.recognition.ImageHeader.ImageFormat;
import io.facegate.system.ErrorKind;
import io.facegate.system.FaceGateException;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

/**
 * Turns untrusted bytes, base64 or {@code data:} URLs into RGB pixels: JPEG, PNG, BMP, WebP with
 * OpenCV, GIF (first frame) with ImageIO because this OpenCV build has no GIF codec. Every refusal
 * is a 4xx {@link FaceGateException}: 400 for a malformed request, 413 for too many bytes or
 * pixels, 422 for bytes that are not a decodable image.
 */
public final class ImageDecoder {

    public static final long DEFAULT_MAX_BYTES = 8L * 1024 * 1024;
    public static final long DEFAULT_MAX_PIXELS = 40_000_000L;

    private final long maxBytes;
    private final long maxPixels;

    public ImageDecoder(long maxBytes, long maxPixels) {
        this.maxBytes = maxBytes;
        this.maxPixels = maxPixels;
    }

    /**
     * Decodes a {@code data:image/...;base64,} URL or plain base64 (standard or URL-safe alphabet;
     * whitespace ignored). {@code field} names the request field in error messages.
     */
    public DecodedImage decodeText(String field, String text) {
        return decode(field, bytesOfText(field, text));
    }

    /**
     * The encoded image bytes of a {@code data:image/...;base64,} URL or plain base64, checked for
     * size but not decoded (for images that are stored, not analysed).
     */
    public byte[] bytesOfText(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new FaceGateException(ErrorKind.INVALID_REQUEST, "missing_image", field + " is empty");
        }
        String payload = text.strip();
        if (payload.regionMatches(true, 0, "data:", 0, 5)) {
            int comma = payload.indexOf(',');
            String meta = comma < 0 ? payload : payload.substring(5, comma).toLowerCase(Locale.ROOT);
            if (comma < 0 || !meta.endsWith(";base64")) {
                throw new FaceGateException(ErrorKind.INVALID_REQUEST, "invalid_data_url",
                        field + " must be a base64 data URL (data:image/...;base64,...)");
            }
            if (!meta.startsWith("image/")) {
                throw new FaceGateException(ErrorKind.UNSUPPORTED_MEDIA_TYPE, "unsupported_image_type",
                        field + " is a data URL of " + meta.substring(0, meta.length() - 7) + ", not an image");
            }
            payload = payload.substring(comma + 1);
        }
        payload = payload.replaceAll("\\s", "");
        // Refuse by the encoded length first: 4 base64 characters carry 3 bytes.
        if (payload.length() / 4 * 3L > maxBytes + 2) {
            throw tooManyBytes(field);
        }
        byte[] bytes;
        try {
            bytes = (payload.indexOf('-') >= 0 || payload.indexOf('_') >= 0 ? Base64.getUrlDecoder() : Base64.getDecoder())
                    .decode(payload);
        } catch (IllegalArgumentException e) {
            throw new FaceGateException(ErrorKind.INVALID_REQUEST, "invalid_base64",
                    field + " is not valid base64 or a data:image/...;base64 URL (" + e.getMessage() + ")");
        }
        return bytes;
    }

    /** The media type of encoded image bytes by their signature ({@code image/jpeg}, ...), or empty for none we read. */
    public static Optional<String> mediaType(byte[] bytes) {
        return ImageHeader.sniff(bytes).map(format -> "image/" + format.name().toLowerCase(Locale.ROOT));
    }

    /**
     * Decodes an upload that is either the image file itself or a data URL / base64 as text (a
     * multipart field can hold both): bytes without an image signature that are printable ASCII
     * are read as text.
     */
    public DecodedImage decodeUpload(String field, byte[] bytes) {
        if (bytes != null && ImageHeader.sniff(bytes).isEmpty() && isPrintableAscii(bytes)) {
            return decodeText(field, new String(bytes, StandardCharsets.US_ASCII));
        }
        return decode(field, bytes);
    }

    private static boolean isPrintableAscii(byte[] bytes) {
        if (bytes.length == 0) {
            return false;
        }
        for (byte b : bytes) {
            if ((b < 0x20 || b > 0x7E) && b != '\r' && b != '\n' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    /** Decodes encoded image bytes, first checking size and the header's declared dimensions. */
    public DecodedImage decode(String field, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new FaceGateException(ErrorKind.INVALID_REQUEST, "missing_image", field + " is empty");
        }
        if (bytes.length > maxBytes) {
            throw tooManyBytes(field);
        }
        ImageFormat format = ImageHeader.sniff(bytes).orElseThrow(() -> new FaceGateException(ErrorKind.UNPROCESSABLE,
                "unsupported_image_format", field + " is not a JPEG, PNG, BMP, WebP or GIF image"));
        ImageHeader header = ImageHeader.read(format, bytes).orElseThrow(() -> undecodable(field, format));
        if (header.pixels() > maxPixels) {
            throw new FaceGateException(ErrorKind.PAYLOAD_TOO_LARGE, "image_too_many_pixels",
                    field + " is " + header.width() + "x" + header.height() + " pixels; at most " + maxPixels + " pixels are accepted",
                    Map.of("max_image_pixels", maxPixels));
        }
        Mat rgb = format == ImageFormat.GIF ? decodeGif(bytes) : decodeWithOpenCv(bytes);
        if (rgb == null) {
            throw undecodable(field, format);
        }
        return new DecodedImage(rgb);
    }

    private static Mat decodeWithOpenCv(byte[] bytes) {
        try (Mat encoded = new Mat(bytes); Mat bgr = imdecode(encoded, IMREAD_COLOR)) {
            if (bgr.empty()) {
                return null;
            }
            Mat rgb = new Mat();
            cvtColor(bgr, rgb, COLOR_BGR2RGB);
            return rgb;
        }
    }

    private static Mat decodeGif(byte[] bytes) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("gif");
        if (!readers.hasNext()) {
            return null;
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            BufferedImage frame = reader.read(0);
            BufferedImage bgr = new BufferedImage(frame.getWidth(), frame.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D canvas = bgr.createGraphics();
            canvas.drawImage(frame, 0, 0, null);
            canvas.dispose();
            byte[] pixels = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
            try (BytePointer data = new BytePointer(pixels);
                 Mat view = new Mat(bgr.getHeight(), bgr.getWidth(), CV_8UC3, data)) {
                Mat rgb = new Mat();
                cvtColor(view, rgb, COLOR_BGR2RGB);
                return rgb;
            }
        } catch (IOException | RuntimeException e) {
            return null; // truncated or corrupt GIF: ImageIO throws a mix of IIOException and runtime exceptions
        } finally {
            reader.dispose();
        }
    }

    private FaceGateException tooManyBytes(String field) {
        return new FaceGateException(ErrorKind.PAYLOAD_TOO_LARGE, "image_too_large",
                field + " exceeds " + maxBytes + " bytes", Map.of("max_image_bytes", maxBytes));
    }

    private static FaceGateException undecodable(String field, ImageFormat format) {
        return new FaceGateException(ErrorKind.UNPROCESSABLE, "invalid_image",
                field + " could not be decoded as " + format + ": the file is corrupt or truncated");
    }
}
