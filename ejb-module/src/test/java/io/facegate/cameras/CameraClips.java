package io.facegate.cameras;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The camera clips of {@code ../shared/data/camera-stream}: ESP32 multipart bodies and their frames. */
public final class CameraClips {

    public static final String BOUNDARY = "123456789000000000000987654321";
    public static final String BLINK = "esp32cam_blink_vga_10fps";
    public static final String CROWD = "esp32cam_crowd_vga_10fps";

    private CameraClips() {
    }

    public static Path directory() {
        return Path.of(System.getProperty("facegate.shared", "../../shared"), "data", "camera-stream");
    }

    /** The recorded ESP32 CameraWebServer body of a clip, exactly as the camera sent it. */
    public static byte[] multipart(String clip) {
        return read(directory().resolve(clip + ".multipart.bin"));
    }

    /** A folder of JPEG frames ({@code frames_blink_vga}, {@code frames_crowd_vga}, {@code noface_sequence_dlib_video_frames}), in order. */
    public static List<byte[]> frames(String folder) {
        try (Stream<Path> files = Files.list(directory().resolve(folder))) {
            return files.filter(f -> f.toString().endsWith(".jpg")).sorted().map(CameraClips::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
