package io.facegate.attendance;

import io.facegate.domain.attendance.AttendanceLog;
import io.facegate.domain.attendance.AttendanceSource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Attendance from cameras: a camera's detection that matched a person logs them, the first time
 * in the client's debounce window (a person walking past a camera for a minute is one attendance,
 * not one per frame). Runs in the detection's transaction, so the log commits with it or not at all.
 */
@Stateless
public class CameraAttendance {

    @Inject
    AttendanceBook book;

    /** Where and how sure: the camera as the client knows it (its id, name, location) and the match's similarity. */
    public record CameraMatch(UUID clientId, UUID clientUserId, String cameraCode, String cameraName, String location, Double confidence,
                              UUID detectionId, Instant seenAt) {
    }

    /** @return the new log; empty when the person was logged within the window already, or may not be logged (inactive) */
    public Optional<AttendanceLog> matched(CameraMatch match) {
        return book.recordSighting(new Sighting(match.clientId(), match.clientUserId(), AttendanceSource.CAMERA,
                AttendanceLog.Place.camera(match.cameraCode(), match.cameraName(), match.location()),
                new AttendanceLog.Evidence(match.confidence(), null, null), match.detectionId(), match.seenAt()));
    }
}
