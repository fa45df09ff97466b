package io.facegate.attendance;

import io.facegate.domain.attendance.AttendanceSettings.Geofence;

import java.time.Duration;
import java.time.ZoneId;

/**
 * How one client's attendance works now: the time zone its days and hours are counted in, how
 * long a recognised person is not logged again, and the optional geofence of mobile check-ins.
 */
public record AttendancePolicy(ZoneId timeZone, Duration debounce, Geofence geofence) {
}
