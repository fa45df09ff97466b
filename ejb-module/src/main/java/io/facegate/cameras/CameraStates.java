package io.facegate.cameras;

import io.facegate.domain.cameras.CameraStatus;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The polling server's writes to {@code camera_state}: status changes (announced as domain events)
 * and the periodic health figures. Only the lease holder's writes land, so a server that lost a
 * camera cannot overwrite what the new holder reports.
 */
@Stateless
public class CameraStates {

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    @Inject
    Event<CameraWentOnline> wentOnline;

    @Inject
    Event<CameraWentOffline> wentOffline;

    /** Records a status change and announces it; nothing when this server no longer holds the camera. */
    public void changed(CameraProfile camera, String holder, CameraStatus status, String lastError, Instant at) {
        int updated = em.createQuery("update CameraState s set s.status = :status, s.statusSince = :at, s.updatedAt = :at"
                        + " where s.cameraId = :camera and s.leaseHolder = :holder and s.status <> :status")
                .setParameter("status", status).setParameter("at", at)
                .setParameter("camera", camera.cameraId()).setParameter("holder", holder)
                .executeUpdate();
        if (updated == 0) {
            return;
        }
        if (status == CameraStatus.ONLINE) {
            wentOnline.fire(new CameraWentOnline(camera.clientId(), camera.cameraId(), camera.code(), at));
        } else {
            wentOffline.fire(new CameraWentOffline(camera.clientId(), camera.cameraId(), camera.code(), lastError, at));
        }
    }

    /** Writes each held camera's figures (counters add up; the rest replaces what was there). */
    public void report(String holder, List<CameraHealth> health, Instant at) {
        for (CameraHealth h : health) {
            em.createNativeQuery("""
                            update camera_state
                               set last_frame_at = coalesce(cast(?1 as timestamptz), last_frame_at),
                                   resolution = coalesce(cast(?2 as varchar), resolution),
                                   fps_received = ?3, fps_analysed = ?4, frames_skipped = frames_skipped + ?5,
                                   bandwidth_bps = ?6, quality_score = coalesce(cast(?7 as double precision), quality_score),
                                   error_count = error_count + ?8, last_error = coalesce(cast(?9 as varchar), last_error),
                                   last_error_at = coalesce(cast(?10 as timestamptz), last_error_at), updated_at = ?11
                             where camera_id = ?12 and lease_holder = ?13""")
                    .setParameter(1, timestamp(h.lastFrameAt())).setParameter(2, h.resolution())
                    .setParameter(3, h.fpsReceived()).setParameter(4, h.fpsAnalysed()).setParameter(5, h.newFramesSkipped())
                    .setParameter(6, h.bandwidthBps()).setParameter(7, h.qualityScore()).setParameter(8, h.newErrors())
                    .setParameter(9, h.lastError()).setParameter(10, timestamp(h.lastErrorAt())).setParameter(11, timestamp(at))
                    .setParameter(12, h.cameraId()).setParameter(13, holder)
                    .executeUpdate();
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** The status last recorded for a camera (a new poller takes it over). */
    public CameraStatus lastStatus(UUID cameraId) {
        return em.createQuery("select s.status from CameraState s where s.cameraId = :camera", CameraStatus.class)
                .setParameter("camera", cameraId).getResultStream().findFirst().orElse(CameraStatus.OFFLINE);
    }
}
