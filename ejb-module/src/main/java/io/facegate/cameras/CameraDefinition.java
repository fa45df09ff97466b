package io.facegate.cameras;

import io.facegate.domain.cameras.CameraSettings;
import io.facegate.domain.cameras.CameraSourceKind;
import io.facegate.system.FaceGateException;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * A camera as a client describes it: every field optional, so that it serves creation, a full
 * replacement and a partial change alike ({@link #settle}). Credentials may come inside the URL
 * ({@code rtsp://admin:secret@...}, as seed 004's example does); they are moved out of it.
 * Omitted credentials are kept on change (the password is never shown, so a client cannot send it
 * back); an empty string removes them.
 */
public record CameraDefinition(String code, String name, String location, String ipAddress, String streamUrl,
                               String snapshotUrl, String sourceKind, String username, String password, Boolean active,
                               Integer detectFps, Double matchThreshold, Integer minFaceSize, Integer cooldownSeconds) {

    /**
     * The settings this definition gives: over {@code base} when changing part of a camera, over the
     * defaults when {@code base} is null (creation, and replacement apart from the credentials in {@code kept}).
     *
     * @param kept the camera's current credentials, kept when this definition names none; null on creation
     * @param seal seals a password with the master key
     * @throws FaceGateException 400 naming the field that is wrong
     */
    CameraSettings settle(CameraSettings base, CameraSettings kept, UnaryOperator<String> seal) {
        CredentialedUrl stream = CredentialedUrl.parse(streamUrl, "stream_url");
        CredentialedUrl snapshot = CredentialedUrl.parse(snapshotUrl, "snapshot_url");
        CameraSourceKind kind = sourceKind != null ? CameraSourceKind.fromApiName(sourceKind).orElseThrow(() ->
                FaceGateException.invalid("invalid_source_kind", "source_kind must be mjpeg, snapshot or rtsp"))
                : stream != null ? CameraSourceKind.of(stream.url()) : base != null ? base.sourceKind() : null;
        String ip = pick(ipAddress, base == null ? null : base.ipAddress());
        String url = stream != null ? stream.url().toString() : base != null ? base.streamUrl() : null;
        if (url == null && ip != null) {
            kind = kind == null ? CameraSourceKind.MJPEG : kind;
            url = kind.esp32Url(ip).orElseThrow(() -> FaceGateException.invalid("missing_stream_url",
                    "an RTSP camera needs its stream_url (rtsp_url); only ESP32 URLs follow from ip_address"));
        }
        if (url == null) {
            throw FaceGateException.invalid("missing_stream_url", "stream_url (or rtsp_url, or an ESP32's ip_address) is required");
        }
        if (kind == null) {
            kind = CameraSourceKind.of(URI.create(url));
        }
        String snapshotLink = snapshot != null ? snapshot.url().toString()
                : stream == null && base != null ? base.snapshotUrl() : esp32Capture(url, kind);

        CameraSettings credentials = base != null ? base : kept;
        String user = firstNonNull(username, stream == null ? null : stream.username(), snapshot == null ? null : snapshot.username(),
                credentials == null ? null : credentials.username());
        String plainPassword = firstNonNull(password, stream == null ? null : stream.password(), snapshot == null ? null : snapshot.password());
        String sealedPassword = plainPassword != null
                ? (plainPassword.isEmpty() ? null : seal.apply(plainPassword))
                : credentials == null ? null : credentials.passwordSealed();
        try {
            return new CameraSettings(pick(name, base == null ? null : base.name()), pick(location, base == null ? null : base.location()),
                    ip, kind, url, snapshotLink, user == null || user.isEmpty() ? null : user, sealedPassword,
                    active != null ? active : base == null || base.active(),
                    detectFps != null ? detectFps : base != null ? base.detectFps() : CameraSettings.DEFAULT_DETECT_FPS,
                    matchThreshold != null ? matchThreshold : base != null ? base.matchThreshold() : null,
                    minFaceSize != null ? minFaceSize : base != null ? base.minFaceSize() : CameraSettings.DEFAULT_MIN_FACE_SIZE,
                    cooldownSeconds != null ? cooldownSeconds : base != null ? base.cooldownSeconds() : CameraSettings.DEFAULT_COOLDOWN_SECONDS);
        } catch (IllegalArgumentException e) {
            throw FaceGateException.invalid("invalid_camera", e.getMessage());
        }
    }

    /**
     * ESP32 CameraWebServer streams on port 81 and serves single JPEGs at {@code /capture} on port
     * 80: the fallback when another client holds the stream. Other MJPEG cameras have no known one.
     */
    private static String esp32Capture(String streamUrl, CameraSourceKind kind) {
        URI uri = URI.create(streamUrl);
        if (kind != CameraSourceKind.MJPEG || uri.getPort() != 81 || !"/stream".equals(uri.getPath())) {
            return null;
        }
        return uri.getScheme() + "://" + uri.getRawAuthority().replaceFirst(":81$", "") + "/capture";
    }

    private static String pick(String value, String fallback) {
        return value != null ? value : fallback;
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** A URL with any user name and password it carried taken out. */
    private record CredentialedUrl(URI url, String username, String password) {

        static CredentialedUrl parse(String text, String field) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                URI uri = new URI(text.strip());
                String userInfo = uri.getRawUserInfo();
                if (userInfo == null) {
                    return new CredentialedUrl(uri, null, null);
                }
                int colon = userInfo.indexOf(':');
                String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
                String secret = colon < 0 ? null : decode(userInfo.substring(colon + 1));
                URI bare = new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), uri.getFragment());
                return new CredentialedUrl(bare, user, secret);
            } catch (URISyntaxException e) {
                throw FaceGateException.invalid("invalid_url", field + " is not a valid URL: " + e.getMessage());
            }
        }

        private static String decode(String text) {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        }
    }
}
