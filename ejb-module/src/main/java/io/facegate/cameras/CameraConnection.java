package io.facegate.cameras;

import io.facegate.domain.cameras.CameraSourceKind;
import io.facegate.egress.EgressPolicy;
import io.facegate.egress.EgressTarget;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * Everything needed to reach one camera: its URLs and credentials, and one HTTP client bound by
 * the egress policy (checked at every connection) with Basic and Digest authentication. Closing
 * it closes every connection it opened.
 */
final class CameraConnection implements FeedOpener {

    /** RTSP frames are decoded at the camera's rate but delivered at most this often. */
    static final double RTSP_DELIVERED_FPS = 10;

    private final CameraSource source;
    private final EgressPolicy egress;
    private final Duration timeout;
    private final int maxFrameBytes;
    private final Ticker ticker;
    private final CloseableHttpClient http;

    CameraConnection(CameraSource source, EgressPolicy egress, Duration connectTimeout, Duration readTimeout, int maxFrameBytes,
                     Ticker ticker) {
        this.source = source;
        this.egress = egress;
        this.timeout = readTimeout;
        this.maxFrameBytes = maxFrameBytes;
        this.ticker = ticker;
        BasicCredentialsProvider credentials = new BasicCredentialsProvider();
        if (source.hasCredentials()) {
            char[] password = source.password() == null ? new char[0] : source.password().toCharArray();
            credentials.setCredentials(new AuthScope(null, -1), new UsernamePasswordCredentials(source.username(), password));
        }
        this.http = egress.httpClient(EgressTarget.CAMERA, connectTimeout, readTimeout)
                .setDefaultCredentialsProvider(credentials)
                .build();
    }

    /** The camera's own stream: MJPEG, snapshots polled at detect_fps, or RTSP. */
    @Override
    public CameraFeed openStream() throws IOException {
        return switch (source.kind()) {
            case MJPEG -> MjpegFeed.open(http, source.streamUrl(), source.hasCredentials(), maxFrameBytes, ticker::nanoTime);
            case SNAPSHOT -> snapshots(source.streamUrl());
            case RTSP -> RtspFeed.open(source.withCredentials(egress.pin(EgressTarget.CAMERA, source.streamUrl())), timeout,
                    RTSP_DELIVERED_FPS, ticker);
        };
    }

    @Override
    public boolean hasSnapshotFallback() {
        return source.kind() == CameraSourceKind.MJPEG && source.snapshotUrl() != null;
    }

    @Override
    public CameraFeed openSnapshotFallback() {
        return snapshots(source.snapshotUrl());
    }

    private CameraFeed snapshots(URI url) {
        return new SnapshotFeed(http, url, source.hasCredentials(), maxFrameBytes, source.detectFps(), ticker);
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
