package io.facegate.incidents;

import io.facegate.domain.cameras.Camera;
import io.facegate.domain.incidents.Incident;
import io.facegate.recognition.ImageDecoder;
import io.facegate.system.AfterCommit;
import io.facegate.system.ErrorKind;
import io.facegate.system.FaceGateException;
import io.facegate.system.FilteredListing;
import io.facegate.system.ObjectStorage;
import io.facegate.system.Page;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.UUID;

/** Security incidents a client's admins report and list (raised ones come from {@link IncidentRaiser}). */
@Stateless
public class Incidents {

    private static final ImageDecoder IMAGES = new ImageDecoder(ImageDecoder.DEFAULT_MAX_BYTES, ImageDecoder.DEFAULT_MAX_PIXELS);

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    @Inject
    ObjectStorage storage;

    @Inject
    AfterCommit afterCommit;

    @Inject
    IncidentSettings settings;

    /**
     * Records a reported incident. Its photo is stored first (an incident never points at a missing
     * object) and deleted again if the incident does not commit.
     *
     * @param reportedBy {@code person:<id>} or {@code client:<id>}
     */
    public Incident report(UUID clientId, String reportedBy, IncidentReport report) {
        if (report.cameraCode() != null && em.createNamedQuery(Camera.BY_CODE, Camera.class).setParameter("clientId", clientId)
                .setParameter("code", report.cameraCode()).getResultList().isEmpty()) {
            throw FaceGateException.invalid("unknown_camera", "camera_id " + report.cameraCode() + " is not one of the client's cameras");
        }
        Instant now = Instant.now();
        if (report.occurredAt() != null && report.occurredAt().isAfter(now)) {
            throw FaceGateException.invalid("invalid_timestamp", "timestamp must not be in the future");
        }
        Incident incident = Incident.reported(UUID.randomUUID(), clientId, report.type(), report.severity(), report.cameraCode(),
                report.description(), report.occurredAt(), reportedBy, now);
        if (report.image() != null) {
            byte[] image = IMAGES.bytesOfText("image", report.image());
            String contentType = ImageDecoder.mediaType(image).orElseThrow(() -> new FaceGateException(ErrorKind.UNSUPPORTED_MEDIA_TYPE,
                    "unsupported_image_type", "image is not a JPEG, PNG, GIF, BMP or WebP image"));
            String key = "incidents/" + clientId + "/" + incident.getId() + "." + contentType.substring("image/".length());
            storage.put(key, image, contentType);
            afterCommit.runOnRollback("delete the image of unrecorded incident " + incident.getId(), () -> storage.delete(key));
            incident.attachImage(key, contentType);
        }
        em.persist(incident);
        return incident;
    }

    /** A client's incidents, latest first. */
    public Page<Incident> list(UUID clientId, IncidentFilter filter, int offset, int limit) {
        return FilteredListing.of(Incident.class, "i")
                .filter("i.clientId = :clientId", "clientId", clientId)
                .filter("i.type = :type", "type", filter.type())
                .filter("i.severity = :severity", "severity", filter.severity())
                .filter("i.occurredAt >= :from", "from", filter.from())
                .page(em, "i.occurredAt desc, i.id", offset, limit);
    }

    /** One of the client's incidents; another client's reads as missing. */
    public Incident get(UUID clientId, UUID id) {
        Incident incident = em.find(Incident.class, id);
        if (incident == null || !incident.getClientId().equals(clientId)) {
            throw FaceGateException.notFound("incident");
        }
        return incident;
    }

    /** A presigned link to an incident's photo, or null without one. */
    public String imageUrl(Incident incident) {
        return incident.getImageKey() == null ? null : storage.presignedUrl(incident.getImageKey(), settings.imageUrlTtlSeconds());
    }
}
