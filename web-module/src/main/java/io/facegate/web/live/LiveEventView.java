package io.facegate.web.live;

import io.facegate.attendance.AttendanceLogged;
import io.facegate.cameras.CameraWentOffline;
import io.facegate.cameras.CameraWentOnline;
import io.facegate.detections.DetectionRecorded;

import java.time.Instant;
import java.util.UUID;

/**
 * What the event stream says of each fact: ids and facts in the API's own terms (the client's
 * camera id, FaceGate's detection and person ids), never pictures; a console reads the rest from
 * the REST resources they name. Public, so that JSON-B may read the records.
 */
public final class LiveEventView {

    /** {@code event: detection}: a detection was created ({@code first_report}) or improved by a better view. */
    public record Detection(UUID id, String cameraId, String status, UUID clientUserId, Double confidence, boolean firstReport,
                     Instant detectedAt) {
    }

    /** {@code event: camera}: a camera went {@code online} or {@code offline}. */
    public record Camera(String cameraId, String status, String lastError, Instant at) {
    }

    /** {@code event: attendance}: a new attendance log. */
    public record Attendance(UUID id, String employeeId, String name, String department, String source, String cameraId,
                      Double confidence, Instant timestamp) {
    }

    record Named(String event, Object data) {
    }

    private LiveEventView() {
    }

    /** The event name and data of one fact of {@link io.facegate.live.LiveEvents}. */
    static Named of(Object fact) {
        if (fact instanceof DetectionRecorded d) {
            return new Named("detection", new Detection(d.detectionId(), d.cameraCode(), d.status().name(), d.clientUserId(),
                    d.confidence(), d.firstReport(), d.detectedAt()));
        }
        if (fact instanceof CameraWentOnline c) {
            return new Named("camera", new Camera(c.cameraCode(), "online", null, c.at()));
        }
        if (fact instanceof CameraWentOffline c) {
            return new Named("camera", new Camera(c.cameraCode(), "offline", c.lastError(), c.at()));
        }
        if (fact instanceof AttendanceLogged a) {
            return new Named("attendance", new Attendance(a.logId(), a.employeeId(), a.name(), a.department(),
                    a.source().apiName(), a.cameraCode(), a.confidence(), a.loggedAt()));
        }
        throw new IllegalArgumentException("not a live fact: " + fact.getClass().getName());
    }
}
