package io.facegate.cameras;

import io.facegate.domain.cameras.CameraSourceKind;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where and how to read one camera, as its poller needs it (the password in clear, in memory only).
 *
 * @param snapshotUrl the JPEG URL polled while an MJPEG stream is busy; may be null
 */
record CameraSource(CameraSourceKind kind, URI streamUrl, URI snapshotUrl, String username, String password, int detectFps) {

    boolean hasCredentials() {
        return username != null;
    }

    /** The URL with the credentials as user info, for clients that take them only there (FFmpeg). */
    URI withCredentials(URI url) {
        if (username == null) {
            return url;
        }
        try {
            return new URI(url.getScheme(), password == null ? username : username + ":" + password, url.getHost(), url.getPort(),
                    url.getPath(), url.getQuery(), url.getFragment());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return kind.apiName() + " " + streamUrl; // never the password
    }
}
