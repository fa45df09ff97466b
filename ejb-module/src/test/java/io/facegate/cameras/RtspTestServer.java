package io.facegate.cameras;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An RTSP camera on loopback: GStreamer's RTSP server (Debian's python3-gi and
 * gir1.2-gst-rtsp-server-1.0, x264enc from gstreamer1.0-plugins-ugly; installed by
 * .ci/install-test-prerequisites) playing a folder of JPEG frames in a loop as H.264.
 */
public final class RtspTestServer implements AutoCloseable {

    private final Process process;
    private final int port;

    /**
     * @param framePattern printf pattern of the frames, e.g. {@code .../frames_blink_vga/frame_%04d.jpg}
     * @param credentials  user and password for Basic auth, or none
     */
    public RtspTestServer(Path framePattern, int startIndex, int fps, String... credentials) throws IOException {
        this.port = freePort();
        Path script = Files.createTempFile("facegate-rtsp-", ".py");
        try (InputStream in = RtspTestServer.class.getResourceAsStream("/cameras/rtsp_server.py")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", script.toString(), String.valueOf(port),
                framePattern.toString(), String.valueOf(startIndex), String.valueOf(fps)));
        command.addAll(List.of(credentials));
        this.process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = output.readLine();
        if (!"ready".equals(line)) {
            process.destroyForcibly();
            throw new IOException("the RTSP test server did not start (" + line + "): are python3-gi, gir1.2-gst-rtsp-server-1.0"
                    + " and gstreamer1.0-plugins-ugly installed? (.ci/install-test-prerequisites)");
        }
        Thread drain = new Thread(() -> {
            try {
                while (output.readLine() != null) {
                    // keep the pipe from filling up
                }
            } catch (IOException e) {
                // process ended
            }
        }, "rtsp-test-server-output");
        drain.setDaemon(true);
        drain.start();
    }

    /** The blink clip's frames at 10 fps, like the ESP32 recordings. */
    public static RtspTestServer blink(String... credentials) throws IOException {
        return new RtspTestServer(CameraClips.directory().resolve("frames_blink_vga/frame_%04d.jpg").toAbsolutePath(), 1, 10, credentials);
    }

    /** Freezes the server (SIGSTOP): connections stay open and silent, like a hung camera; false thaws it. */
    public void freeze(boolean frozen) throws IOException, InterruptedException {
        new ProcessBuilder("kill", frozen ? "-STOP" : "-CONT", String.valueOf(process.pid())).inheritIO().start().waitFor();
    }

    public String url() {
        return "rtsp://127.0.0.1:" + port + "/stream";
    }

    @Override
    public void close() {
        try {
            freeze(false);
        } catch (IOException | InterruptedException e) {
            // destroyed below anyway
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
