package io.facegate.web.reports;

import io.facegate.reports.RealTimeAnalytics;

/**
 * Seed 004's real-time dashboard: {@code current_occupancy}, {@code today_attendance},
 * {@code peak_hour}, {@code avg_processing_time}, {@code system_health}, {@code camera_status}; with
 * the time zone of "today" and the window the occupancy assumes people stay.
 */
public record RealTimeView(long currentOccupancy, long todayAttendance, String peakHour, Double avgProcessingTime, SystemHealth systemHealth,
                           CameraStatus cameraStatus, String timeZone, long occupancyWindowHours) {

    public record SystemHealth(double apiResponseTime, String aiWorkerStatus, long databaseConnections, long queueSize) {
    }

    public record CameraStatus(long online, long offline, long errors) {
    }

    static RealTimeView of(RealTimeAnalytics.Snapshot now) {
        return new RealTimeView(now.currentOccupancy(), now.todayAttendance(), now.peakHour(), now.avgProcessingTime(),
                new SystemHealth(now.apiResponseTime(), now.aiWorkerStatus(), now.databaseConnections(), now.queueSize()),
                new CameraStatus(now.camerasOnline(), now.camerasOffline(), now.camerasWithErrors()), now.timeZone().getId(),
                now.occupancyWindow().toHours());
    }
}
