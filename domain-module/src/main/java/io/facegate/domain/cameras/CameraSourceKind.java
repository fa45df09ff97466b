package io.facegate.domain.cameras;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How frames are read from a camera. */
public enum CameraSourceKind {
    /** A {@code multipart/x-mixed-replace} JPEG stream, e.g. ESP32 CameraWebServer's {@code :81/stream}. */
    MJPEG,
    /** One JPEG per request, polled, e.g. ESP32 CameraWebServer's {@code /capture}. */
    SNAPSHOT,
    /** An RTSP stream (H.264/H.265), decoded by FFmpeg. */
    RTSP;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CameraSourceKind> fromApiName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.apiName().equalsIgnoreCase(name.strip())).findFirst();
    }

    /** The kind a URL most likely is: RTSP by scheme, a snapshot when it names a capture or a .jpg, else MJPEG. */
    public static CameraSourceKind of(URI url) {
        if ("rtsp".equalsIgnoreCase(url.getScheme())) {
            return RTSP;
        }
        String path = url.getPath() == null ? "" : url.getPath().toLowerCase(Locale.ROOT);
        return path.endsWith("/capture") || path.endsWith(".jpg") || path.endsWith(".jpeg") ? SNAPSHOT : MJPEG;
    }

    /**
     * The URL an ESP32 CameraWebServer at {@code ipAddress} serves this kind at; RTSP cameras have
     * no standard path, so they need their URL.
     */
    public Optional<String> esp32Url(String ipAddress) {
        String host = ipAddress.indexOf(':') >= 0 ? "[" + ipAddress + "]" : ipAddress;
        return switch (this) {
            case MJPEG -> Optional.of("http://" + host + ":81/stream");
            case SNAPSHOT -> Optional.of("http://" + host + "/capture");
            case RTSP -> Optional.empty();
        };
    }
}
