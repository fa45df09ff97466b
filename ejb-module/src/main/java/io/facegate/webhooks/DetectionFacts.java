package io.facegate.webhooks;

import io.facegate.detections.DetectionRecorded;
import io.facegate.domain.cameras.Camera;
import io.facegate.domain.clients.ClientUser;
import io.facegate.domain.detections.DetectionEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * A detection as its webhooks tell it: ids and facts in the standard format, seed 002's body in the
 * {@code facegate-legacy} format (the matched person's name, the box, the camera's stream URL).
 * Read inside the recording transaction, so the body says exactly what was recorded.
 */
@ApplicationScoped
class DetectionFacts {

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    WebhookEvent event(DetectionRecorded fact, String type) {
        DetectionEvent detection = em.find(DetectionEvent.class, fact.detectionId());
        Camera camera = em.find(Camera.class, fact.cameraId());
        ClientUser person = fact.clientUserId() == null ? null : em.find(ClientUser.class, fact.clientUserId());
        Double distance = fact.confidence() == null ? null : 1 - fact.confidence();
        String name = person == null ? null : person.getDisplayName() != null ? person.getDisplayName() : person.getExternalUserId();
        return WebhookEvent.of(fact.clientId(), type, fact.recordedAt(), EventData.create()
                        .put("detection_id", fact.detectionId())
                        .put("camera_id", fact.cameraCode())
                        .put("status", fact.status().name())
                        .put("user_id", person == null ? null : person.getExternalUserId())
                        .put("client_user_id", fact.clientUserId())
                        .put("confidence", fact.confidence())
                        .put("detected_at", fact.detectedAt())
                        .build())
                .withLegacyBody(SeedBodies.detection(new SeedBodies.Detection(fact.recordedAt(), name, fact.confidence(), distance,
                        detection == null ? null : detection.getBox(), fact.cameraCode(), camera == null ? null : camera.getStreamUrl())));
    }
}
