package io.facegate.attendance;

import io.facegate.detections.DetectionRecorded;
import io.facegate.domain.cameras.Camera;
import io.facegate.domain.detections.DetectionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * A camera's MATCHED detection logs the person's attendance, in the detection's own transaction (a
 * detection that is rolled back logs nothing). The detection's id keeps it to one log however
 * often a better view later improves the detection; the window of {@link CameraAttendance} keeps a
 * person who walks past again and again to one log per window.
 */
@ApplicationScoped
public class CameraDetections {

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    @Inject
    CameraAttendance attendance;

    void recorded(@Observes DetectionRecorded detection) {
        if (detection.status() != DetectionStatus.MATCHED || detection.clientUserId() == null) {
            return;
        }
        Camera camera = em.find(Camera.class, detection.cameraId());
        attendance.matched(new CameraAttendance.CameraMatch(detection.clientId(), detection.clientUserId(), detection.cameraCode(),
                camera == null ? null : camera.getName(), camera == null ? null : camera.getLocation(), detection.confidence(),
                detection.detectionId(), detection.detectedAt()));
    }
}
