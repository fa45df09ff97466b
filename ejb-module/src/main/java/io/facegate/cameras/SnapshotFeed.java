package io.facegate.cameras;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/**
 * One JPEG per request, polled at a fixed rate (ESP32 CameraWebServer's {@code /capture}, any
 * camera's snapshot URL). A poll that took longer than the interval is followed at once, never by
 * a burst to catch up.
 */
final class SnapshotFeed implements CameraFeed {

    private final CloseableHttpClient client;
    private final URI url;
    private final boolean hasCredentials;
    private final int maxFrameBytes;
    private final long intervalNanos;
    private final Ticker ticker;
    private volatile HttpGet inFlight;
    private volatile boolean closed;
    private long nextPollAt;
    private long bytes;

    SnapshotFeed(CloseableHttpClient client, URI url, boolean hasCredentials, int maxFrameBytes, double fps, Ticker ticker) {
        this.client = client;
        this.url = url;
        this.hasCredentials = hasCredentials;
        this.maxFrameBytes = maxFrameBytes;
        this.intervalNanos = (long) (1_000_000_000L / fps);
        this.ticker = ticker;
        this.nextPollAt = ticker.nanoTime();
    }

    @Override
    public CapturedFrame next() throws IOException {
        long wait = nextPollAt - ticker.nanoTime();
        if (wait > 0) {
            ticker.sleep(wait);
        }
        nextPollAt = Math.max(nextPollAt + intervalNanos, ticker.nanoTime());
        if (closed) {
            throw new CameraException(CameraFailure.STREAM_ENDED, "closed");
        }
        HttpGet request = new HttpGet(url);
        inFlight = request;
        try (ClassicHttpResponse response = client.executeOpen(null, request, null)) {
            HttpAnswers.requireOk(response, hasCredentials);
            HttpEntity entity = response.getEntity();
            byte[] jpeg = entity == null ? new byte[0] : read(entity.getContent());
            bytes += jpeg.length;
            if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
                throw new CameraException(CameraFailure.NOT_A_JPEG_STREAM, "the snapshot URL answered "
                        + (entity == null || entity.getContentType() == null ? "no content type" : entity.getContentType())
                        + ", not a JPEG image");
            }
            return new CapturedFrame(jpeg, ticker.nanoTime());
        } finally {
            inFlight = null;
        }
    }

    private byte[] read(InputStream in) throws IOException {
        byte[] jpeg = in.readNBytes(maxFrameBytes + 1);
        if (jpeg.length > maxFrameBytes) {
            throw new CameraException(CameraFailure.NOT_A_JPEG_STREAM, "the snapshot is larger than " + maxFrameBytes + " bytes");
        }
        return jpeg;
    }

    @Override
    public long bytesReceived() {
        return bytes;
    }

    @Override
    public void close() {
        closed = true;
        HttpGet request = inFlight;
        if (request != null) {
            request.cancel();
        }
    }
}
