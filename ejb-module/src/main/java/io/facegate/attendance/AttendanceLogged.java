package io.facegate.attendance;

import io.facegate.domain.attendance.AttendanceSource;

import java.time.Instant;
import java.util.UUID;

/**
 * A new attendance was logged. Fired inside the logging transaction; ids and facts only, enough
 * for seed 004's {@code attendance_logged} webhook ({@code employee_id}, {@code name},
 * {@code camera_id}, {@code confidence}, the envelope's {@code timestamp} = {@code loggedAt}).
 *
 * @param employeeId the person's id in the client's system (their external user id)
 * @param name       the person's name as the logs show it
 * @param department the person's department when logged
 * @param cameraCode the client's camera id (seed 004's {@code camera_id}); null when no camera saw it
 * @param confidence the recognition's similarity; null for a manual mark
 */
public record AttendanceLogged(UUID logId, UUID clientId, UUID clientUserId, String employeeId, String name, String department,
                               AttendanceSource source, String cameraCode, String cameraName, String location, Double confidence,
                               Instant loggedAt) {
}
