package io.facegate.cameras;

import io.facegate.crypto.MasterKey;
import io.facegate.domain.cameras.Camera;
import io.facegate.domain.cameras.CameraSettings;
import io.facegate.domain.cameras.CameraState;
import io.facegate.egress.EgressPolicy;
import io.facegate.egress.EgressTarget;
import io.facegate.system.ErrorKind;
import io.facegate.system.FaceGateException;
import io.facegate.system.Page;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A tenant's cameras. Every operation takes the caller's client id: another client's camera is
 * indistinguishable from a missing one. Polling servers notice changes on their own (they re-read
 * the active cameras every few seconds), so nothing here talks to a poller.
 */
@Stateless
public class CameraRegistry {

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    @Inject
    EgressPolicy egress;

    @Inject
    MasterKey masterKey;

    private final Clock clock = Clock.systemUTC();

    /** A camera with what its poller last reported. */
    public record CameraDescription(Camera camera, CameraState state) {
    }

    public CameraDescription register(UUID clientId, CameraDefinition definition) {
        if (definition.code() == null || definition.code().isBlank()) {
            throw FaceGateException.invalid("missing_id", "id (the camera's code, e.g. CAM001) is required");
        }
        if (findByCode(clientId, definition.code().strip()) != null) {
            throw new FaceGateException(ErrorKind.CONFLICT, "camera_exists", "a camera with this id already exists");
        }
        CameraSettings settings = checked(definition.settle(null, null, masterKey::sealText));
        Instant now = clock.instant();
        Camera camera;
        try {
            camera = new Camera(clientId, definition.code(), settings, now);
        } catch (IllegalArgumentException e) {
            throw FaceGateException.invalid("invalid_camera", e.getMessage());
        }
        CameraState state = new CameraState(camera.getId(), now);
        em.persist(camera);
        em.persist(state);
        return new CameraDescription(camera, state);
    }

    public CameraDescription find(UUID clientId, String code) {
        Camera camera = findByCode(clientId, code);
        if (camera == null) {
            throw FaceGateException.notFound("camera");
        }
        return new CameraDescription(camera, em.find(CameraState.class, camera.getId()));
    }

    /** Newest first; {@code active} filters on is_active when not null. */
    public Page<CameraDescription> list(UUID clientId, Boolean active, int offset, int limit) {
        Page.validate(offset, limit);
        String where = " where c.clientId = :clientId" + (active != null ? " and c.active = :active" : "");
        TypedQuery<Long> count = em.createQuery("select count(c) from Camera c" + where, Long.class);
        TypedQuery<Camera> items = em.createQuery("select c from Camera c" + where + " order by c.createdAt desc, c.id", Camera.class);
        for (TypedQuery<?> q : new TypedQuery<?>[]{count, items}) {
            q.setParameter("clientId", clientId);
            if (active != null) {
                q.setParameter("active", active);
            }
        }
        List<Camera> cameras = items.setFirstResult(offset).setMaxResults(limit).getResultList();
        Map<UUID, CameraState> states = cameras.isEmpty() ? Map.of()
                : em.createQuery("select s from CameraState s where s.cameraId in :ids", CameraState.class)
                .setParameter("ids", cameras.stream().map(Camera::getId).toList())
                .getResultStream().collect(Collectors.toMap(CameraState::getCameraId, Function.identity()));
        return new Page<>(count.getSingleResult(), offset, limit,
                cameras.stream().map(c -> new CameraDescription(c, states.get(c.getId()))).toList());
    }

    /**
     * @param replace a full replacement (PUT): fields left out take their defaults, credentials excepted;
     *                otherwise (PATCH) fields left out keep their values
     */
    public CameraDescription change(UUID clientId, String code, CameraDefinition definition, boolean replace) {
        CameraDescription current = find(clientId, code);
        Camera camera = current.camera();
        if (definition.code() != null && !definition.code().strip().equals(camera.getCode())) {
            throw FaceGateException.invalid("id_immutable", "a camera's id cannot change; register a new camera instead");
        }
        CameraSettings settings = replace
                ? definition.settle(null, camera.settings(), masterKey::sealText)
                : definition.settle(camera.settings(), null, masterKey::sealText);
        camera.configure(checked(settings), clock.instant());
        return current;
    }

    public void delete(UUID clientId, String code) {
        em.remove(find(clientId, code).camera());
    }

    /** Every tenant's active cameras, for the pollers (not a tenant's view). */
    public List<Camera> active() {
        return em.createNamedQuery(Camera.ACTIVE, Camera.class).getResultList();
    }

    /** The camera's password, for the poller; null when it has none. */
    public String password(Camera camera) {
        return camera.getPasswordSealed() == null ? null : masterKey.unsealText(camera.getPasswordSealed());
    }

    /** The egress policy's say on both URLs, at save time (it decides again at every connection). */
    private CameraSettings checked(CameraSettings settings) {
        egress.checkUrl(EgressTarget.CAMERA, settings.streamUrl());
        if (settings.snapshotUrl() != null) {
            egress.checkUrl(EgressTarget.CAMERA, settings.snapshotUrl());
        }
        return settings;
    }

    private Camera findByCode(UUID clientId, String code) {
        return em.createNamedQuery(Camera.BY_CODE, Camera.class)
                .setParameter("clientId", clientId)
                .setParameter("code", code)
                .getResultStream().findFirst().orElse(null);
    }
}
