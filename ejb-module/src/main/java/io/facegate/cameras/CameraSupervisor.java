package io.facegate.cameras;

import io.facegate.detections.Detections;
import io.facegate.detections.Sighted;
import io.facegate.domain.cameras.Camera;
import io.facegate.domain.cameras.CameraStatus;
import io.facegate.egress.EgressPolicy;
import io.facegate.frames.FrameSourceKind;
import io.facegate.frames.FrameWorker;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs this server's share of the cameras: every few seconds it re-reads the active cameras,
 * claims or renews their leases, and starts a poller (a long-running task on the application's
 * camera executor) for each camera it holds, restarts one whose camera was edited, and stops those
 * deleted, deactivated or lost to another server. Every second it lets each poller's watchdog look,
 * and every health interval writes their figures. Stopping the application stops every poller and
 * closes every connection, and gives the leases up so that another server can take over at once.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@ManagedExecutorDefinition(name = CameraSupervisor.POLLERS, maxAsync = CameraSupervisor.MAX_CAMERAS)
public class CameraSupervisor {

    private static final Logger LOG = Logger.getLogger(CameraSupervisor.class.getName());

    static final String POLLERS = "java:app/concurrent/facegate-camera-pollers";

    /** Cameras one server polls at most: one thread each holds its connection. */
    public static final int MAX_CAMERAS = 256;

    private static final long HEALTH_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(5);

    @Resource(lookup = POLLERS)
    ManagedExecutorService pollers;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Resource(lookup = "jdbc/facegate")
    DataSource database;

    @Inject
    CameraRegistry registry;

    @Inject
    CameraStates states;

    @Inject
    CameraFrames frames;

    @Inject
    Detections detections;

    @Inject
    FrameWorker frameWorker;

    @Inject
    EgressPolicy egress;

    @Inject
    CameraPollingSettings settings;

    private final Map<UUID, CameraChannel> running = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();
    private CameraLeases leases;
    private ScheduledFuture<?> ticking;
    private long nextScan;
    private long nextReport;
    private long leaseValidUntil;

    /**
     * Keep this the only method named start: Payara looks lifecycle callbacks up by name, and a
     * start(Camera) beside it failed deployments now and then ("wrong number of arguments").
     */
    @PostConstruct
    void start() {
        leases = new CameraLeases(database, holderName(), settings.lease(), System::nanoTime);
        ticking = scheduler.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
        LOG.info(() -> "Camera polling started as lease holder " + leases.holder());
    }

    /** What this server's poller sees of a camera right now. */
    public record LiveCamera(CameraStatus status, String resolution, long millisSinceLastFrame) {
    }

    /** The camera as its poller sees it, when this server polls it. */
    public Optional<LiveCamera> live(UUID cameraId) {
        return Optional.ofNullable(running.get(cameraId)).map(channel -> new LiveCamera(channel.status(), channel.stats().resolution(),
                (System.nanoTime() - channel.stats().lastFrameNanos()) / 1_000_000));
    }

    /** The preview of a camera this server polls; empty when it polls it not (another server may). */
    public Optional<PreviewRelay> preview(UUID cameraId) {
        return Optional.ofNullable(running.get(cameraId)).map(CameraChannel::relay);
    }

    private synchronized void tick() {
        try {
            long now = System.nanoTime();
            running.values().forEach(CameraChannel::watch);
            if (now - nextScan >= 0) {
                nextScan = now + settings.scanInterval().toNanos();
                scan(now);
            }
            if (now - nextReport >= 0) {
                nextReport = now + HEALTH_INTERVAL_NANOS;
                report();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "camera supervision failed; retrying in a second", e);
        }
    }

    private void scan(long now) {
        Map<UUID, Camera> active = new ConcurrentHashMap<>();
        try {
            registry.active().forEach(camera -> active.put(camera.getId(), camera));
            CameraLeases.Claim claim = leases.claim(active.keySet());
            leaseValidUntil = claim.validUntil();
            for (UUID id : new ArrayList<>(running.keySet())) {
                Camera camera = active.get(id);
                if (camera == null || !claim.held().contains(id) || camera.getVersion() != running.get(id).version()) {
                    stopPolling(id);
                }
            }
            for (UUID id : claim.held()) {
                if (!running.containsKey(id)) {
                    try {
                        startPolling(active.get(id));
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "camera " + active.get(id).getCode() + " cannot be polled", e);
                    }
                }
            }
            Set<UUID> released = new HashSet<>(claim.held());
            released.removeAll(running.keySet());
            leases.release(released);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "cameras could not be read or their leases renewed", e);
            if (now - leaseValidUntil >= 0) {
                // The leases ran out without renewal: another server may poll these cameras now.
                new ArrayList<>(running.keySet()).forEach(this::stopPolling);
            }
        }
    }

    private void startPolling(Camera camera) {
        CameraProfile profile = CameraProfile.of(camera);
        CameraSource source = new CameraSource(camera.getSourceKind(), URI.create(camera.getStreamUrl()),
                camera.getSnapshotUrl() == null ? null : URI.create(camera.getSnapshotUrl()), camera.getUsername(),
                registry.password(camera), camera.getDetectFps());
        CameraStatus last = states.lastStatus(camera.getId());
        CameraConnection connection = new CameraConnection(source, egress, settings.connectTimeout(), settings.readTimeout(),
                settings.maxFrameBytes(), Ticker.SYSTEM);
        CameraChannel channel = new CameraChannel(profile, camera.getVersion(),
                listener -> new CameraPoller(connection, last, settings.timings(), Ticker.SYSTEM, new Random(), listener),
                frameWorker.openLane(FrameSourceKind.CAMERA), steps(), Ticker.SYSTEM, clock);
        running.put(camera.getId(), channel);
        channel.started(pollers.submit(channel.poller()));
        LOG.info(() -> "Polling camera " + camera.getCode() + " (" + source + ")");
    }

    private void stopPolling(UUID cameraId) {
        CameraChannel channel = running.remove(cameraId);
        if (channel != null) {
            channel.stop();
            LOG.info(() -> "Stopped polling camera " + channel.profile().code());
        }
    }

    private void report() {
        if (running.isEmpty()) {
            return;
        }
        List<CameraHealth> health = running.values().stream().map(CameraChannel::health).toList();
        states.report(leases.holder(), health, clock.instant());
    }

    private CameraChannel.Steps steps() {
        return new CameraChannel.Steps() {
            @Override
            public AnalysedFrame analyse(CameraProfile camera, byte[] jpeg) {
                return frames.analyse(camera, jpeg);
            }

            @Override
            public void record(Sighted sighted) {
                detections.record(sighted);
            }

            @Override
            public void statusChanged(CameraProfile camera, CameraStatus status, String lastError) {
                try {
                    states.changed(camera, leases.holder(), status, lastError, clock.instant());
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "camera " + camera.code() + " went " + status.apiName() + " but it could not be recorded", e);
                }
            }
        };
    }

    @PreDestroy
    synchronized void shutdown() {
        if (ticking != null) {
            ticking.cancel(false);
        }
        Set<UUID> held = new HashSet<>(running.keySet());
        held.forEach(this::stopPolling);
        try {
            leases.release(held);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "camera leases could not be given up; they expire on their own", e);
        }
    }

    /** Unique per process: the lease shows operators which server polls a camera. */
    private static String holderName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + ":" + ProcessHandle.current().pid() + ":" + UUID.randomUUID().toString().substring(0, 8);
    }
}
