package io.facegate.attendance;

import io.facegate.domain.attendance.AttendanceLog;
import io.facegate.domain.attendance.AttendanceSource;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A person recognised somewhere at some time, which may log their attendance.
 *
 * @param referenceId the detection, task or session that recognised them: it logs a person once at most
 */
public record Sighting(UUID clientId, UUID clientUserId, AttendanceSource source, AttendanceLog.Place place,
                       AttendanceLog.Evidence evidence, UUID referenceId, Instant at) {

    public Sighting {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientUserId, "clientUserId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(at, "at");
        place = place == null ? AttendanceLog.Place.NOWHERE : place;
        evidence = evidence == null ? AttendanceLog.Evidence.NONE : evidence;
    }
}
