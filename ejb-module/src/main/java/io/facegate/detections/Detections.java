package io.facegate.detections;

import io.facegate.clients.ClientUserDeleted;
import io.facegate.domain.detections.DetectionEvent;
import io.facegate.system.AfterCommit;
import io.facegate.system.FaceGateException;
import io.facegate.system.ObjectStorage;
import io.facegate.system.Page;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Faces the cameras saw, per tenant: recorded (with a face crop and the frame in S3) when a
 * track becomes an event or shows a better view, listed and erased. Another tenant's event is
 * indistinguishable from a missing one.
 */
@Stateless
public class Detections {

    private static final DateTimeFormatter KEY_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    @Inject
    ObjectStorage storage;

    @Inject
    AfterCommit afterCommit;

    @Inject
    Event<DetectionRecorded> recorded;

    @Inject
    @ConfigProperty(name = "facegate.detections.snapshot-url-ttl-seconds", defaultValue = "900")
    int snapshotUrlTtlSeconds;

    /**
     * Creates the event or improves it with this view. The pictures are uploaded first (an event
     * never points at a missing object); a rolled-back first report deletes them again.
     */
    public void record(Sighted sighted) {
        DetectionEvent event = em.find(DetectionEvent.class, sighted.eventId());
        String prefix = "detections/" + sighted.clientId() + "/" + KEY_DATE.format(event == null ? sighted.at() : event.getDetectedAt())
                + "/" + sighted.eventId();
        String frameKey = prefix + "_frame.jpg";
        storage.put(frameKey, sighted.frameJpeg(), "image/jpeg");
        byte[] crop = SnapshotImages.faceCrop(sighted.frameJpeg(), sighted.finding().box());
        String cropKey = crop == null ? null : prefix + "_face.jpg";
        if (crop != null) {
            storage.put(cropKey, crop, "image/jpeg");
        }
        boolean first = event == null;
        if (first) {
            event = new DetectionEvent(sighted.eventId(), sighted.clientId(), sighted.cameraId(), sighted.cameraCode(), sighted.trackId(),
                    sighted.finding(), cropKey, frameKey, sighted.at());
            event.measuredRecognition(sighted.latencyMillis());
            em.persist(event);
            afterCommit.runOnRollback("delete snapshots of unrecorded detection " + sighted.eventId(), () -> deleteObjects(Stream.of(frameKey, cropKey)));
        } else {
            event.improve(sighted.finding(), cropKey, frameKey, sighted.at());
        }
        recorded.fire(new DetectionRecorded(event.getId(), event.getClientId(), event.getCameraId(), event.getCameraCode(),
                event.getStatus(), event.getClientUserId(), event.getConfidence(), first, event.getDetectedAt(), sighted.at()));
    }

    public DetectionEvent find(UUID clientId, UUID detectionId) {
        DetectionEvent event = em.find(DetectionEvent.class, detectionId);
        if (event == null || !event.belongsTo(clientId)) {
            throw FaceGateException.notFound("detection");
        }
        return event;
    }

    /** Newest first. */
    public Page<DetectionEvent> list(UUID clientId, DetectionFilter filter, int offset, int limit, int maxLimit) {
        if (offset < 0) {
            throw FaceGateException.invalid("invalid_offset", "offset must be >= 0");
        }
        if (limit < 1 || limit > maxLimit) {
            throw FaceGateException.invalid("invalid_limit", "limit must be between 1 and " + maxLimit);
        }
        StringBuilder where = new StringBuilder(" where d.clientId = :clientId");
        if (filter.cameraCode() != null) {
            where.append(" and d.cameraCode = :cameraCode");
        }
        if (filter.clientUserId() != null) {
            where.append(" and d.clientUserId = :clientUserId");
        }
        if (filter.status() != null) {
            where.append(" and d.status = :status");
        }
        if (filter.from() != null) {
            where.append(" and d.detectedAt >= :from");
        }
        if (filter.to() != null) {
            where.append(" and d.detectedAt <= :to");
        }
        TypedQuery<Long> count = em.createQuery("select count(d) from DetectionEvent d" + where, Long.class);
        TypedQuery<DetectionEvent> items = em.createQuery("select d from DetectionEvent d" + where + " order by d.detectedAt desc, d.id",
                DetectionEvent.class);
        for (TypedQuery<?> q : new TypedQuery<?>[]{count, items}) {
            q.setParameter("clientId", clientId);
            if (filter.cameraCode() != null) {
                q.setParameter("cameraCode", filter.cameraCode());
            }
            if (filter.clientUserId() != null) {
                q.setParameter("clientUserId", filter.clientUserId());
            }
            if (filter.status() != null) {
                q.setParameter("status", filter.status());
            }
            if (filter.from() != null) {
                q.setParameter("from", filter.from());
            }
            if (filter.to() != null) {
                q.setParameter("to", filter.to());
            }
        }
        return new Page<>(count.getSingleResult(), offset, limit, items.setFirstResult(offset).setMaxResults(limit).getResultList());
    }

    /** A time-limited URL for one of an event's pictures, or null when it has none (any more). */
    public String pictureUrl(String key) {
        return key == null ? null : storage.presignedUrl(key, snapshotUrlTtlSeconds);
    }

    /**
     * Erasure covers detections: in the erasing transaction, the person's events lose their link to
     * them and their pictures, which are deleted once it commits. The events stay: someone was there.
     */
    public void erase(@Observes ClientUserDeleted deleted) {
        List<String> keys = new ArrayList<>();
        Instant now = Instant.now();
        em.createNamedQuery(DetectionEvent.OF_PERSON, DetectionEvent.class).setParameter("clientUserId", deleted.clientUserId())
                .getResultStream().forEach(event -> {
                    keys.add(event.getFaceCropKey());
                    keys.add(event.getFrameSnapshotKey());
                    event.forgetPerson(now);
                });
        if (!keys.isEmpty()) {
            afterCommit.run("delete detection pictures of erased person " + deleted.clientUserId(), () -> deleteObjects(keys.stream()));
        }
    }

    /**
     * Deletes the pictures of up to {@code batch} events detected before {@code cutoff} (the
     * retention period); the events stay. Returns how many events lost their pictures.
     */
    public int purgeSnapshots(Instant cutoff, int batch) {
        List<DetectionEvent> expired = em.createNamedQuery(DetectionEvent.WITH_SNAPSHOTS_BEFORE, DetectionEvent.class)
                .setParameter("cutoff", cutoff).setMaxResults(batch).getResultList();
        List<String> keys = new ArrayList<>();
        Instant now = Instant.now();
        for (DetectionEvent event : expired) {
            keys.add(event.getFaceCropKey());
            keys.add(event.getFrameSnapshotKey());
            event.dropSnapshots(now);
        }
        if (!keys.isEmpty()) {
            afterCommit.run("delete expired detection pictures", () -> deleteObjects(keys.stream()));
        }
        return expired.size();
    }

    private void deleteObjects(Stream<String> keys) {
        keys.filter(Objects::nonNull).forEach(storage::delete);
    }
}
