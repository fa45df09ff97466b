package io.facegate.attendance;

import io.facegate.domain.attendance.AttendanceLog;
import io.facegate.domain.clients.ClientUser;

/** A log with its person (null only if the person is being erased at this very moment). */
public record LoggedAttendance(AttendanceLog log, ClientUser person) {
}
