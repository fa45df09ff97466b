package io.facegate.reports;

import io.facegate.attendance.AttendanceBook;
import io.facegate.attendance.AttendanceViewer;
import io.facegate.recognition.FaceEngine;
import io.facegate.system.OperationalLoad;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 004's real-time dashboard of one client, from today's attendance (a day of the client's
 * time zone), its cameras' states and measured load. Faculty see their department's attendance.
 */
@Stateless
public class RealTimeAnalytics {

    /** The window of the API response time shown. */
    static final Duration TRAFFIC_WINDOW = Duration.ofMinutes(5);
    /** A camera whose last error is this recent counts under {@code errors}. */
    static final Duration RECENT_ERROR = Duration.ofMinutes(15);

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    @Inject
    AttendanceBook book;

    @Inject
    OperationalLoad load;

    @Inject
    FaceEngine engine;

    @Inject
    ReportSettings settings;

    private final Clock clock = Clock.systemUTC();

    /**
     * @param peakHour            the local hour with the most attendance logs today ({@code "09:00"}), null before the first
     * @param avgProcessingTime   mean recognition time (seconds) of today's logs that measured one, null when none did
     */
    public record Snapshot(ZoneId timeZone, long currentOccupancy, long todayAttendance, String peakHour, Double avgProcessingTime,
                           double apiResponseTime, String aiWorkerStatus, long databaseConnections, long queueSize, long camerasOnline,
                           long camerasOffline, long camerasWithErrors, Duration occupancyWindow) {
    }

    public Snapshot now(AttendanceViewer viewer) {
        ZoneId zone = book.policy(viewer.clientId()).timeZone();
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        Duration occupancy = settings.occupancy();
        List<Object> parameters = new ArrayList<>(List.of(viewer.clientId(), Timestamp.from(today.atStartOfDay(zone).toInstant()),
                Timestamp.from(now), Timestamp.from(now.minus(occupancy)), zone.getId()));
        StringBuilder scope = new StringBuilder();
        switch (viewer.reach()) {
            case TENANT -> { }
            case DEPARTMENT -> {
                parameters.add(viewer.department());
                scope.append(" and department = ?").append(parameters.size());
            }
            case SELF -> {
                parameters.add(viewer.personId());
                scope.append(" and client_user_id = ?").append(parameters.size());
            }
        }
        Query attendance = em.createNativeQuery("with today as materialized (select client_user_id, logged_at, verification_time"
                + " from attendance_log where client_id = ?1 and logged_at >= ?2 and logged_at <= ?3" + scope + ")"
                + " select (select count(distinct client_user_id) from today),"
                + " (select count(*) from (select client_user_id from today group by 1 having max(logged_at) >= ?4) recent),"
                + " (select extract(hour from logged_at at time zone ?5)::int from today group by 1 order by count(*) desc, 1 limit 1),"
                + " (select avg(verification_time) from today where verification_time is not null)");
        for (int i = 0; i < parameters.size(); i++) {
            attendance.setParameter(i + 1, parameters.get(i));
        }
        Object[] day = (Object[]) attendance.getSingleResult();
        Object[] cameras = (Object[]) em.createNativeQuery("select count(*) filter (where s.status = 'ONLINE'),"
                        + " count(*) filter (where s.status is distinct from 'ONLINE'), count(*) filter (where s.last_error_at >= ?2)"
                        + " from camera c left join camera_state s on s.camera_id = c.id where c.client_id = ?1 and c.is_active")
                .setParameter(1, viewer.clientId()).setParameter(2, Timestamp.from(now.minus(RECENT_ERROR))).getSingleResult();
        return new Snapshot(zone, number(day[1]), number(day[0]), day[2] == null ? null : String.format("%02d:00", ((Number) day[2]).intValue()),
                day[3] == null ? null : Math.round(((Number) day[3]).doubleValue() * 1000) / 1000.0,
                load.traffic(TRAFFIC_WINDOW, viewer.clientId()).averageResponseSeconds(), engine.status().loaded() ? "healthy" : "unhealthy",
                load.databaseConnections(), load.faceTasksWaiting(viewer.clientId()), number(cameras[0]), number(cameras[1]),
                number(cameras[2]), occupancy);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
