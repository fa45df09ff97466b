package io.facegate.legacy;

import io.facegate.cameras.CameraDefinition;
import io.facegate.cameras.CameraRegistry;
import io.facegate.cameras.CameraRegistry.CameraDescription;
import io.facegate.clients.ClientUserDirectory;
import io.facegate.domain.cameras.Camera;
import io.facegate.domain.detections.DetectionStatus;
import io.facegate.recognition.FaceEngine;
import io.facegate.system.ErrorKind;
import io.facegate.system.FaceGateException;
import io.facegate.system.Page;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Seed 002's "Python API" control of recognition, over a client's cameras: start and stop are the
 * cameras' {@code is_active}, the configuration is the client's default camera (code
 * {@value #DEFAULT_CAMERA}), the statistics are its detection events. The pollers notice changes
 * within seconds, as they do for any camera change.
 */
@Stateless
public class CameraRecognition {

    /** The camera {@code PUT /api/config} sets up: the Python API had exactly one stream. */
    public static final String DEFAULT_CAMERA = "default";

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    @Inject
    CameraRegistry registry;

    @Inject
    ClientUserDirectory directory;

    @Inject
    FaceEngine engine;

    /**
     * Seed 002's configuration, every field optional.
     *
     * @param threshold the face distance up to which a face is a match (the Python API's tolerance):
     *                  FaceGate's match threshold is {@code 1 - threshold}, its distance {@code 1 - confidence}
     */
    public record Config(String streamUrl, Double threshold, String name, Integer detectFps, Integer minFaceSize, Integer cooldownSeconds) {
    }

    /** A camera with its match threshold as seed 002's distance. */
    public record CameraSummary(CameraDescription camera, double threshold) {
    }

    /** @param main the default camera, or else the newest; null without cameras */
    public record Status(boolean running, CameraSummary main, double threshold, long users, boolean engineLoaded, List<CameraSummary> cameras) {
    }

    public record Latency(long measured, Double averageMs, Double medianMs, Double p95Ms, Integer maxMs) {
    }

    public record Stats(long total, Map<String, Long> byStatus, Map<String, Map<String, Long>> byCamera, Latency recognitionLatency) {
    }

    public Status status(UUID clientId) {
        List<CameraSummary> cameras = cameras(clientId).stream().map(this::summary).toList();
        CameraSummary main = cameras.stream().filter(c -> c.camera().camera().getCode().equals(DEFAULT_CAMERA)).findFirst()
                .orElse(cameras.isEmpty() ? null : cameras.get(0));
        return new Status(cameras.stream().anyMatch(c -> c.camera().camera().isActive()), main,
                main == null ? distance(engine.settings().matchThreshold()) : main.threshold(),
                directory.list(clientId, null, true, 0, 1).count(), engine.status().loaded(), cameras);
    }

    /** Every camera of the client polled again (they are all the Python API's "recognition"). */
    public List<CameraSummary> start(UUID clientId) {
        return activate(clientId, true);
    }

    public List<CameraSummary> stop(UUID clientId) {
        return activate(clientId, false);
    }

    /** Sets up or changes the default camera; the settings not given keep their values. */
    public CameraSummary configure(UUID clientId, Config config) {
        Double matchThreshold = null;
        if (config.threshold() != null) {
            if (!(config.threshold() > 0 && config.threshold() < 1)) {
                throw FaceGateException.invalid("invalid_threshold", "threshold is a face distance: more than 0 and less than 1 (0.6 is usual)");
            }
            matchThreshold = Math.round((1 - config.threshold()) * 1e6) / 1e6;
        }
        CameraDefinition definition = new CameraDefinition(null, config.name(), null, null, config.streamUrl(), null, null, null, null, null,
                config.detectFps(), matchThreshold, config.minFaceSize(), config.cooldownSeconds());
        boolean exists = cameras(clientId).stream().anyMatch(c -> c.camera().getCode().equals(DEFAULT_CAMERA));
        CameraDescription camera = exists ? registry.change(clientId, DEFAULT_CAMERA, definition, false)
                : registry.register(clientId, new CameraDefinition(DEFAULT_CAMERA, config.name() == null ? "Default camera" : config.name(),
                null, null, config.streamUrl(), null, null, null, null, null, config.detectFps(), matchThreshold, config.minFaceSize(),
                config.cooldownSeconds()));
        return summary(camera);
    }

    public Stats stats(UUID clientId) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (DetectionStatus status : DetectionStatus.values()) {
            byStatus.put(status.name(), 0L);
        }
        Map<String, Map<String, Long>> byCamera = new LinkedHashMap<>();
        long total = 0;
        List<Object[]> rows = em.createQuery("select d.cameraCode, d.status, count(d) from DetectionEvent d where d.clientId = :clientId"
                + " group by d.cameraCode, d.status order by d.cameraCode", Object[].class).setParameter("clientId", clientId).getResultList();
        for (Object[] row : rows) {
            String status = ((DetectionStatus) row[1]).name();
            long count = ((Number) row[2]).longValue();
            total += count;
            byStatus.merge(status, count, Long::sum);
            byCamera.computeIfAbsent((String) row[0], c -> new LinkedHashMap<>()).merge(status, count, Long::sum);
        }
        Object[] latency = (Object[]) em.createNativeQuery("select count(recognition_ms), avg(recognition_ms),"
                + " percentile_cont(0.5) within group (order by recognition_ms), percentile_cont(0.95) within group (order by recognition_ms),"
                + " max(recognition_ms) from detection_event where client_id = cast(?1 as uuid) and recognition_ms is not null")
                .setParameter(1, clientId.toString()).getSingleResult();
        return new Stats(total, byStatus, byCamera, new Latency(((Number) latency[0]).longValue(), millis(latency[1]), millis(latency[2]),
                millis(latency[3]), latency[4] == null ? null : ((Number) latency[4]).intValue()));
    }

    private List<CameraSummary> activate(UUID clientId, boolean active) {
        List<CameraDescription> cameras = cameras(clientId);
        if (cameras.isEmpty()) {
            throw new FaceGateException(ErrorKind.CONFLICT, "no_camera", "this client has no camera to run recognition on:"
                    + " set stream_url with PUT /api/config, or register cameras at /api/v1/cameras/");
        }
        CameraDefinition change = new CameraDefinition(null, null, null, null, null, null, null, null, null, active, null, null, null, null);
        List<CameraSummary> changed = new ArrayList<>();
        for (CameraDescription camera : cameras) {
            changed.add(summary(camera.camera().isActive() == active ? camera : registry.change(clientId, camera.camera().getCode(), change, false)));
        }
        return changed;
    }

    /** All of the client's cameras, newest first. */
    private List<CameraDescription> cameras(UUID clientId) {
        List<CameraDescription> all = new ArrayList<>();
        Page<CameraDescription> page;
        do {
            page = registry.list(clientId, null, all.size(), Page.MAX_LIMIT);
            all.addAll(page.items());
        } while (page.items().size() == Page.MAX_LIMIT);
        return all;
    }

    private CameraSummary summary(CameraDescription description) {
        Camera camera = description.camera();
        double matchThreshold = camera.getMatchThreshold() != null ? camera.getMatchThreshold() : engine.settings().matchThreshold();
        return new CameraSummary(description, distance(matchThreshold));
    }

    private static double distance(double matchThreshold) {
        return Math.round((1 - matchThreshold) * 1e6) / 1e6;
    }

    private static Double millis(Object value) {
        return value == null ? null : Math.round(((Number) value).doubleValue() * 10) / 10.0;
    }
}
