package io.facegate.attendance;

import io.facegate.domain.clients.ClientUser;

/**
 * Seed 004's mobile profile of the logged-in person, in the client's time zone.
 *
 * @param todayAttendance the time of their first attendance today ({@code "08:45"}), or null
 * @param thisWeekDays    days of this week (Monday on) with an attendance
 * @param attendanceRate  days present this month over the weekdays (Monday to Friday) of the month so far, at most 1
 */
public record AttendanceProfile(ClientUser person, String todayAttendance, long thisWeekDays, double attendanceRate) {
}
