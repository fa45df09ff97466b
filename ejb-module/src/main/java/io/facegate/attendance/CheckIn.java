package io.facegate.attendance;

import io.facegate.domain.attendance.AttendanceLog;

/**
 * A mobile check-in's outcome: the person was recognised and live; {@code log} is empty when they
 * were logged within the debounce window already (the earlier attendance stands).
 */
public record CheckIn(java.util.Optional<AttendanceLog> log, double similarity, Double antiSpoofScore, boolean live,
                      double processingSeconds) {
}
