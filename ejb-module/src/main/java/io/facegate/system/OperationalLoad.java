package io.facegate.system;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * What the operator's health view measures beyond reachability: the work waiting (face tasks,
 * webhook deliveries) and the recent API traffic as usage tracking recorded it.
 */
@Stateless
public class OperationalLoad {

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    /** The recorded API calls of a window: how many, their mean response time, the share answered with a 5xx. */
    public record Traffic(Duration window, long calls, double averageResponseSeconds, double errorRate) {

        public double perMinute() {
            return Math.round(calls * 100.0 / Math.max(1, window.toMinutes())) / 100.0;
        }
    }

    /**
     * Face tasks that ended (kept 24 hours after they were queued): how many, their mean processing
     * time in seconds, and the share that completed rather than failed.
     */
    public record FaceTaskTotals(long finished, Double averageProcessingSeconds, Double successRate) {
    }

    public FaceTaskTotals faceTaskTotals() {
        Object[] row = (Object[]) em.createNativeQuery("select count(*), avg(processing_time), count(*) filter (where status = 'COMPLETED')"
                + " from face_task where status in ('COMPLETED', 'FAILED')").getSingleResult();
        long finished = ((Number) row[0]).longValue();
        return new FaceTaskTotals(finished, row[1] == null ? null : Math.round(((Number) row[1]).doubleValue() * 1000) / 1000.0,
                finished == 0 ? null : Math.round(((Number) row[2]).longValue() * 10_000.0 / finished) / 10_000.0);
    }

    /** Face tasks queued or running. */
    public long faceTasksWaiting() {
        return count("select count(*) from face_task where status in ('QUEUED', 'PROCESSING')");
    }

    /** Webhook deliveries the outbox will still send. */
    public long webhookBacklog() {
        return count("select count(*) from webhook_delivery where status in ('PENDING', 'SENDING')");
    }

    /** The API calls usage tracking recorded over the last {@code window} (it records the tracked APIs, not static files). */
    public Traffic traffic(Duration window) {
        return traffic(window, null);
    }

    /** As {@link #traffic(Duration)}, of one client's calls only (null: everyone's). */
    public Traffic traffic(Duration window, UUID clientId) {
        Query query = em.createNativeQuery("select count(*), coalesce(avg(response_time_ms), 0), count(*) filter (where status_code >= 500)"
                + " from api_usage where created_at >= ?1" + (clientId == null ? "" : " and client_id = ?2"))
                .setParameter(1, Timestamp.from(Instant.now().minus(window)));
        if (clientId != null) {
            query.setParameter(2, clientId);
        }
        Object[] row = (Object[]) query.getSingleResult();
        long calls = ((Number) row[0]).longValue();
        double average = ((Number) row[1]).doubleValue() / 1000;
        long errors = ((Number) row[2]).longValue();
        return new Traffic(window, calls, Math.round(average * 10_000) / 10_000.0, calls == 0 ? 0 : Math.round(errors * 10_000.0 / calls) / 10_000.0);
    }

    /** One client's face tasks queued or running. */
    public long faceTasksWaiting(UUID clientId) {
        return ((Number) em.createNativeQuery("select count(*) from face_task where client_id = ?1 and status in ('QUEUED', 'PROCESSING')")
                .setParameter(1, clientId).getSingleResult()).longValue();
    }

    /**
     * Cameras of every client by state: active ones online (frames arriving, as their polling
     * server last reported) or offline (no frames, or never connected), and those switched off.
     */
    public record CameraCounts(long online, long offline, long inactive) {
    }

    public CameraCounts cameraCounts() {
        Object[] row = (Object[]) em.createNativeQuery("select count(*) filter (where c.is_active and s.status = 'ONLINE'),"
                + " count(*) filter (where c.is_active and s.status is distinct from 'ONLINE'), count(*) filter (where not c.is_active)"
                + " from camera c left join camera_state s on s.camera_id = c.id").getSingleResult();
        return new CameraCounts(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), ((Number) row[2]).longValue());
    }

    /** Connections open to FaceGate's database, from every server and tool, as PostgreSQL counts them. */
    public long databaseConnections() {
        return count("select count(*) from pg_stat_activity where datname = current_database()");
    }

    private long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
