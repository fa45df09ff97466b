package io.facegate.web.cameras;

import io.facegate.cameras.PreviewRelay;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a viewer's frames as {@code multipart/x-mixed-replace} until the viewer leaves, the camera
 * stops sending for half a minute, or ten minutes have passed (the page reconnects).
 */
final class PreviewStream implements StreamingOutput {

    static final String BOUNDARY = "facegate-preview";
    static final String MEDIA_TYPE = "multipart/x-mixed-replace;boundary=" + BOUNDARY;
    private static final long MAX_MILLIS = 10 * 60 * 1000;
    private static final long QUIET_MILLIS = 30 * 1000;

    private final PreviewRelay.Viewer viewer;

    PreviewStream(PreviewRelay.Viewer viewer) {
        this.viewer = viewer;
    }

    @Override
    public void write(OutputStream out) throws IOException {
        long end = System.currentTimeMillis() + MAX_MILLIS;
        try (viewer) {
            while (System.currentTimeMillis() < end) {
                byte[] jpeg = viewer.next(QUIET_MILLIS);
                if (jpeg == null) {
                    return;
                }
                out.write(("--" + BOUNDARY + "\r\nContent-Type: image/jpeg\r\nContent-Length: " + jpeg.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(jpeg);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("preview interrupted");
        }
    }
}
