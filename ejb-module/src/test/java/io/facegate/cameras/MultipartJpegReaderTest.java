package io.facegate.cameras;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MultipartJpegReaderTest {

    private static final List<byte[]> BLINK = CameraClips.frames("frames_blink_vga");

    @Test
    void readsEveryFrameOfTheRecordedEsp32Bodies() throws IOException {
        assertFrames(BLINK, read(CameraClips.multipart(CameraClips.BLINK)));
        assertFrames(CameraClips.frames("frames_crowd_vga"), read(CameraClips.multipart(CameraClips.CROWD)));
    }

    @Test
    void readsFramesDeliveredAFewBytesAtATime() throws IOException {
        byte[] body = CameraClips.multipart(CameraClips.BLINK);
        InputStream trickle = new ByteArrayInputStream(body) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 7));
            }
        };
        MultipartJpegReader reader = new MultipartJpegReader(trickle, 1 << 20);
        List<byte[]> frames = new ArrayList<>();
        for (byte[] frame = reader.next(); frame != null; frame = reader.next()) {
            frames.add(frame);
        }
        assertFrames(BLINK, frames);
        assertEquals(body.length, reader.bytesRead());
    }

    @Test
    void toleratesPartsWithoutContentLength() throws IOException {
        assertFrames(BLINK, read(body(BLINK, (out, jpeg) -> write(out, "\r\n--" + CameraClips.BOUNDARY + "\r\nContent-Type: image/jpeg\r\n\r\n"))));
    }

    @Test
    void toleratesWrongContentLengths() throws IOException {
        int[] part = {0};
        assertFrames(BLINK, read(body(BLINK, (out, jpeg) -> write(out, "\r\n--" + CameraClips.BOUNDARY
                + "\r\nContent-Type: image/jpeg\r\nContent-Length: " + (jpeg.length + (part[0]++ % 2 == 0 ? -100 : 57)) + "\r\n\r\n"))));
    }

    @Test
    void toleratesMissingMisplacedAndForeignBoundaries() throws IOException {
        // Older firmwares: no leading CRLF, a boundary without "--", another boundary than announced,
        // the boundary after the image, no blank line after the headers.
        int[] part = {0};
        assertFrames(BLINK, read(body(BLINK, (out, jpeg) -> {
            switch (part[0]++ % 4) {
                case 0 -> write(out, "--frame\r\nContent-Type: image/jpeg\r\n\r\n");
                case 1 -> write(out, CameraClips.BOUNDARY + "\r\nContent-Type: image/jpeg\r\nContent-Length: " + jpeg.length + "\r\n");
                case 2 -> write(out, "Content-Type: image/jpeg\r\n\r\n");
                default -> write(out, "\r\n\r\n");
            }
        })));
    }

    @Test
    void skipsJunkBetweenPartsAndDropsATruncatedFrame() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "garbage before the first part\r\n");
        out.writeBytes(new byte[]{0x00, (byte) 0xFF, 0x10, (byte) 0xFF});
        for (int i = 0; i < 10; i++) {
            byte[] jpeg = BLINK.get(i);
            write(out, "\r\n--" + CameraClips.BOUNDARY + "\r\nContent-Type: image/jpeg\r\nX-Timestamp: " + i + ".0\r\n\r\n");
            // frame 4 is cut off half way, as when a camera restarts mid-frame
            out.writeBytes(i == 4 ? Arrays.copyOf(jpeg, jpeg.length / 2) : jpeg);
        }
        List<byte[]> frames = read(out.toByteArray());
        List<byte[]> expected = new ArrayList<>(BLINK.subList(0, 10));
        expected.remove(4);
        assertFrames(expected, frames);
    }

    @Test
    void skipsFramesOverTheSizeLimitAndKeepsReading() throws IOException {
        int limit = BLINK.stream().mapToInt(f -> f.length).sorted().toArray()[BLINK.size() / 2];
        List<byte[]> frames = read(CameraClips.multipart(CameraClips.BLINK), limit);
        assertFrames(BLINK.stream().filter(f -> f.length <= limit).toList(), frames);
        assertTrue(frames.size() < BLINK.size());
    }

    @Test
    void endsAtTheEndOfTheStream() throws IOException {
        assertNull(new MultipartJpegReader(new ByteArrayInputStream(new byte[0]), 1000).next());
        assertNull(new MultipartJpegReader(new ByteArrayInputStream("--x\r\n\r\n".getBytes(StandardCharsets.US_ASCII)), 1000).next());
    }

    private static byte[] body(List<byte[]> jpegs, BiConsumer<ByteArrayOutputStream, byte[]> partHeader) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] jpeg : jpegs) {
            partHeader.accept(out, jpeg);
            out.writeBytes(jpeg);
        }
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static List<byte[]> read(byte[] body) throws IOException {
        return read(body, 1 << 20);
    }

    private static List<byte[]> read(byte[] body, int maxFrameBytes) throws IOException {
        MultipartJpegReader reader = new MultipartJpegReader(new ByteArrayInputStream(body), maxFrameBytes);
        List<byte[]> frames = new ArrayList<>();
        for (byte[] frame = reader.next(); frame != null; frame = reader.next()) {
            frames.add(frame);
        }
        return frames;
    }

    private static void assertFrames(List<byte[]> expected, List<byte[]> actual) {
        assertEquals(expected.size(), actual.size(), "frames read");
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), "frame " + i);
        }
    }
}
