package io.facegate.cameras;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads the JPEG frames of a {@code multipart/x-mixed-replace} body, tolerating what camera
 * firmwares get wrong (boundary lines missing, misplaced or not the announced one, parts without
 * or with a wrong Content-Length, junk between parts, truncated frames). A frame is taken by its
 * Content-Length when that holds a whole JPEG, otherwise by walking the JPEG's own markers from
 * SOI to EOI (segment lengths first, so an EXIF thumbnail's EOI does not end the frame early). A
 * frame cut short by the next part's SOI is dropped and reading resumes at that SOI.
 */
public final class MultipartJpegReader {

    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int MAX_HEADER_LINE = 1024;

    private final InputStream in;
    private final int maxFrameBytes;
    private byte[] buffer = new byte[64 * 1024];
    private int start;
    private int end;
    private long bytesRead;

    /**
     * @param maxFrameBytes a frame longer than this is skipped (a camera streaming garbage cannot exhaust memory)
     */
    public MultipartJpegReader(InputStream in, int maxFrameBytes) {
        this.in = in;
        this.maxFrameBytes = maxFrameBytes;
    }

    /** Bytes read from the stream so far (for the bandwidth a camera uses). */
    public long bytesRead() {
        return bytesRead;
    }

    /**
     * The next complete JPEG, or null when the stream ends.
     *
     * @throws IOException from the stream (a read timeout among them)
     */
    public byte[] next() throws IOException {
        long contentLength = -1;
        while (fill(2)) {
            if (at(0) == 0xFF && at(1) == SOI) {
                byte[] frame = readJpeg(contentLength);
                if (frame != null) {
                    return frame;
                }
                contentLength = -1;
                continue;
            }
            String line = readLine();
            if (line == null) {
                continue; // junk up to an SOI or past the longest header line: skipped
            }
            String text = line.strip();
            if (text.startsWith("--")) {
                contentLength = -1; // a boundary: a new part begins
            } else if (text.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                contentLength = parseLength(text.substring("content-length:".length()).strip());
            }
            // other headers, blank lines and stray text are skipped
        }
        return null;
    }

    /** One JPEG starting at the buffer's start; null when it was broken (and skipped). */
    private byte[] readJpeg(long contentLength) throws IOException {
        if (contentLength >= 4 && contentLength <= maxFrameBytes && fill((int) contentLength)) {
            int n = (int) contentLength;
            if (at(n - 2) == 0xFF && at(n - 1) == EOI) {
                return take(n);
            }
        }
        int length = jpegLength();
        if (length < 0) {
            return null;
        }
        return take(length);
    }

    /**
     * The length of the JPEG at the buffer's start by its markers, reading more as needed; -1 when
     * it is broken (a new SOI inside it, no EOI within the size limit, or the stream ended), in
     * which case the buffer has been advanced to where reading resumes.
     */
    private int jpegLength() throws IOException {
        int pos = 2;
        while (true) {
            if (!fill(pos + 2)) {
                return dropUpTo(end - start);
            }
            if (at(pos) != 0xFF) {
                // Not where a marker must be: fall back to the first EOI after it.
                return scanForEndOfImage(pos);
            }
            int marker = at(pos + 1);
            if (marker == 0xFF) {
                pos++; // fill byte
                continue;
            }
            if (marker == EOI) {
                return pos + 2;
            }
            if (marker == SOI) {
                return dropUpTo(pos); // a new image before this one ended
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                pos += 2;
                continue;
            }
            if (!fill(pos + 4)) {
                return dropUpTo(end - start);
            }
            int segment = (at(pos + 2) << 8) | at(pos + 3);
            pos += 2 + segment;
            if (pos > maxFrameBytes) {
                return dropUpTo(Math.min(pos, end - start));
            }
            if (marker == SOS) {
                pos = endOfEntropyData(pos);
                if (pos < 0) {
                    return -1;
                }
            }
        }
    }

    /** The offset of the marker ending entropy-coded data from {@code pos} (0xFF 0x00 and RSTn belong to the data). */
    private int endOfEntropyData(int pos) throws IOException {
        while (true) {
            if (pos + 1 >= maxFrameBytes) {
                return dropUpTo(Math.min(pos, end - start));
            }
            if (!fill(pos + 2)) {
                return dropUpTo(end - start);
            }
            if (at(pos) == 0xFF) {
                int next = at(pos + 1);
                if (next != 0x00 && next != 0xFF && !(next >= 0xD0 && next <= 0xD7)) {
                    return pos;
                }
            }
            pos++;
        }
    }

    private int scanForEndOfImage(int pos) throws IOException {
        while (true) {
            if (pos + 1 >= maxFrameBytes) {
                return dropUpTo(Math.min(pos, end - start));
            }
            if (!fill(pos + 2)) {
                return dropUpTo(end - start);
            }
            if (at(pos) == 0xFF && at(pos + 1) == EOI) {
                return pos + 2;
            }
            if (at(pos) == 0xFF && at(pos + 1) == SOI) {
                return dropUpTo(pos);
            }
            pos++;
        }
    }

    /** Skips {@code count} bytes (at least one, so reading always moves on) and reports a broken frame. */
    private int dropUpTo(int count) {
        start += Math.max(1, Math.min(count, end - start));
        return -1;
    }

    /**
     * A header or boundary line (CRLF or LF terminated), or null when the bytes are not one: junk
     * up to an SOI or over {@value #MAX_HEADER_LINE} bytes is skipped instead.
     */
    private String readLine() throws IOException {
        int pos = 0;
        while (true) {
            if (!fill(pos + 1)) {
                String rest = new String(buffer, start, end - start, StandardCharsets.ISO_8859_1);
                start = end;
                return rest;
            }
            int b = at(pos);
            if (b == '\n') {
                String line = new String(buffer, start, pos, StandardCharsets.ISO_8859_1);
                start += pos + 1;
                return line;
            }
            if (b == 0xFF && fill(pos + 2) && at(pos + 1) == SOI) {
                start += pos; // a JPEG right after junk without a line break
                return pos == 0 ? null : "";
            }
            if (pos >= MAX_HEADER_LINE) {
                start += pos;
                return null;
            }
            pos++;
        }
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private byte[] take(int length) {
        byte[] frame = Arrays.copyOfRange(buffer, start, start + length);
        start += length;
        return frame;
    }

    private int at(int offset) {
        return buffer[start + offset] & 0xFF;
    }

    /** Ensures {@code count} unread bytes are buffered; false when the stream ends first. */
    private boolean fill(int count) throws IOException {
        if (end - start >= count) {
            return true;
        }
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (count > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(count, buffer.length * 2));
        }
        while (end < count) {
            int read = in.read(buffer, end, buffer.length - end);
            if (read < 0) {
                return false;
            }
            bytesRead += read;
            end += read;
        }
        return true;
    }
}
