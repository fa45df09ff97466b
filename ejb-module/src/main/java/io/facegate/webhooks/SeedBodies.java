package io.facegate.webhooks;

import io.facegate.domain.detections.DetectionEvent;
import jakarta.json.JsonObject;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;

/**
 * The bodies seed integrations already parse, for endpoints in the {@code facegate-legacy}
 * format, built from plain facts: the event types of cameras and attendance map their domain
 * events to these records.
 */
public final class SeedBodies {

    /** What face_recognition-based receivers (seed 002) call a face that matched no one. */
    public static final String UNKNOWN_NAME = "Unknown";

    private SeedBodies() {
    }

    /**
     * A face a camera saw.
     *
     * @param name            the matched person's display name (or id), null when no one matched
     * @param cameraStreamUrl the camera's stream URL; credentials in it are never sent
     */
    public record Detection(Instant timestamp, String name, Double confidence, Double distance, DetectionEvent.Box box,
                            String cameraId, String cameraStreamUrl) {
    }

    /** A person's attendance, as seed 004's {@code attendance_logged} data reports it. */
    public record Attendance(String employeeId, String name, String cameraId, Double confidence) {
    }

    /**
     * Seed 002's detection body: {@code {"result": {timestamp, name, confidence, distance, box: {top,
     * right, bottom, left}}, "camera_id", "camera_stream_url"}}, the box in whole pixels.
     */
    public static JsonObject detection(Detection detection) {
        DetectionEvent.Box box = detection.box();
        return EventData.create()
                .put("result", EventData.create()
                        .put("timestamp", detection.timestamp())
                        .put("name", detection.name() == null ? UNKNOWN_NAME : detection.name())
                        .put("confidence", detection.confidence())
                        .put("distance", detection.distance())
                        .put("box", box == null ? null : EventData.create()
                                .put("top", box.top())
                                .put("right", box.right())
                                .put("bottom", box.bottom())
                                .put("left", box.left())
                                .build())
                        .build())
                .put("camera_id", detection.cameraId())
                .put("camera_stream_url", withoutCredentials(detection.cameraStreamUrl()))
                .build();
    }

    /**
     * Seed 004's {@code attendance_logged} data, {@code {employee_id, name, camera_id, confidence}}; the
     * {@code facegate-legacy} envelope around it ({@code {event, timestamp, data}}) is seed 004's body.
     */
    public static JsonObject attendance(Attendance attendance) {
        return EventData.create()
                .put("employee_id", attendance.employeeId())
                .put("name", attendance.name())
                .put("camera_id", attendance.cameraId())
                .put("confidence", attendance.confidence())
                .build();
    }

    /** The URL without {@code user:password@}; a URL that cannot be parsed is left out rather than risked. */
    static String withoutCredentials(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            if (uri.getRawUserInfo() == null) {
                return uri.toString();
            }
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), uri.getFragment())
                    .toString();
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
