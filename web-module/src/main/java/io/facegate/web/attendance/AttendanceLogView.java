package io.facegate.web.attendance;

import io.facegate.attendance.LoggedAttendance;
import io.facegate.domain.attendance.AttendanceLog;
import io.facegate.domain.clients.ClientUser;

import java.time.Instant;
import java.util.UUID;

/**
 * Seed 004's attendance log: {@code employee}, {@code timestamp}, {@code camera} (null when no camera
 * saw it), {@code confidence}, {@code verification_time} (seconds), plus how it came to be
 * ({@code source}), where a phone was, and for manual marks why and by whom.
 */
public record AttendanceLogView(UUID id, Employee employee, Instant timestamp, Camera camera, Double confidence, Double verificationTime,
                                String source, Double antiSpoofScore, Position position, Manual manual) {

    public record Employee(UUID id, String employeeId, String name, String department) {
    }

    public record Camera(String id, String name, String location) {
    }

    public record Position(double latitude, double longitude) {
    }

    /** @param recordedBy the credentials that made the mark: {@code person:<id>} or {@code client:<id>} */
    public record Manual(String reason, String markedBy, String recordedBy) {
    }

    public static AttendanceLogView of(LoggedAttendance logged) {
        AttendanceLog log = logged.log();
        ClientUser person = logged.person();
        AttendanceLog.Place place = log.getPlace();
        boolean camera = place.cameraCode() != null || place.cameraName() != null || place.location() != null;
        return new AttendanceLogView(log.getId(),
                new Employee(log.getClientUserId(), person == null ? null : person.getExternalUserId(),
                        person == null ? null : person.fullName(), log.getDepartment()),
                log.getLoggedAt(),
                camera ? new Camera(place.cameraCode(), place.cameraName(), place.location()) : null,
                log.getConfidence(), log.getVerificationTime(), log.getSource().apiName(), log.getAntiSpoofScore(),
                place.latitude() == null ? null : new Position(place.latitude(), place.longitude()),
                log.getReason() == null ? null : new Manual(log.getReason(), log.getMarkedBy(), log.getRecordedBy()));
    }
}
