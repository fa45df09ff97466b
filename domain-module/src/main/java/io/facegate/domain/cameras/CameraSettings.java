package io.facegate.domain.cameras;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Everything a client configures about one camera, checked as a whole.
 *
 * @param streamUrl       where frames are read, without credentials (they are {@code username} and the sealed password)
 * @param snapshotUrl     a JPEG URL polled when an MJPEG stream stays busy; may be null
 * @param passwordSealed  the camera password sealed with the master key; may be null
 * @param detectFps       frames analysed per second at most
 * @param matchThreshold  similarity needed for a match on this camera; null for the server's threshold
 * @param minFaceSize     face side in pixels below which a face is not recognised
 * @param cooldownSeconds after an event for a person, further sightings of them on this camera within this time join it
 */
public record CameraSettings(String name, String location, String ipAddress, CameraSourceKind sourceKind, String streamUrl,
                             String snapshotUrl, String username, String passwordSealed, boolean active, int detectFps,
                             Double matchThreshold, int minFaceSize, int cooldownSeconds) {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_LOCATION_LENGTH = 300;
    public static final int MAX_URL_LENGTH = 2000;
    public static final int MIN_DETECT_FPS = 1;
    public static final int MAX_DETECT_FPS = 30;
    public static final int DEFAULT_DETECT_FPS = 5;
    public static final int MIN_FACE_SIZE = 16;
    public static final int MAX_FACE_SIZE = 2048;
    /**
     * A face narrower than this is not recognised: the clips' 20-50 px crowd faces give embeddings
     * no threshold can trust, the 200 px face of a person at the camera a confident one.
     */
    public static final int DEFAULT_MIN_FACE_SIZE = 60;
    public static final int MAX_COOLDOWN_SECONDS = 86_400;
    public static final int DEFAULT_COOLDOWN_SECONDS = 60;

    public CameraSettings {
        name = Cameras.requireText(name, "name", MAX_NAME_LENGTH);
        location = Cameras.optionalText(location, "location", MAX_LOCATION_LENGTH);
        ipAddress = Cameras.optionalText(ipAddress, "ip_address", 100);
        if (sourceKind == null) {
            throw new IllegalArgumentException("source_kind is required");
        }
        streamUrl = checkUrl(Cameras.requireText(streamUrl, "stream_url", MAX_URL_LENGTH), "stream_url");
        snapshotUrl = snapshotUrl == null ? null : checkUrl(Cameras.requireText(snapshotUrl, "snapshot_url", MAX_URL_LENGTH), "snapshot_url");
        username = Cameras.optionalText(username, "username", 200);
        if (detectFps < MIN_DETECT_FPS || detectFps > MAX_DETECT_FPS) {
            throw new IllegalArgumentException("detect_fps must be between " + MIN_DETECT_FPS + " and " + MAX_DETECT_FPS);
        }
        if (matchThreshold != null && !(matchThreshold > 0 && matchThreshold < 1)) {
            throw new IllegalArgumentException("match_threshold must be between 0 and 1 (exclusive)");
        }
        if (minFaceSize < MIN_FACE_SIZE || minFaceSize > MAX_FACE_SIZE) {
            throw new IllegalArgumentException("min_face_size must be between " + MIN_FACE_SIZE + " and " + MAX_FACE_SIZE + " pixels");
        }
        if (cooldownSeconds < 0 || cooldownSeconds > MAX_COOLDOWN_SECONDS) {
            throw new IllegalArgumentException("cooldown_seconds must be between 0 and " + MAX_COOLDOWN_SECONDS);
        }
    }

    /** Credentials live in {@code username} and the sealed password, never in a stored URL. */
    private static String checkUrl(String url, String field) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(field + " is not a valid URL: " + e.getMessage());
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(field + " must not carry credentials; use username and password");
        }
        return url;
    }
}
