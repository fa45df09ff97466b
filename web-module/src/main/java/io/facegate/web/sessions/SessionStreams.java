package io.facegate.web.sessions;

import io.facegate.authentication.ClientAccess;
import io.facegate.domain.sessions.FaceSession;
import io.facegate.frames.FrameLane;
import io.facegate.frames.FrameSourceKind;
import io.facegate.frames.FrameWorker;
import io.facegate.sessions.FrameOutcome;
import io.facegate.sessions.FrameSource;
import io.facegate.sessions.SessionFrames;
import io.facegate.sessions.SessionSettings;
import io.facegate.system.ErrorKind;
import io.facegate.system.FaceGateException;
import io.facegate.usage.CallOrigin;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The WebSocket streams of sessions: who may stream (the token's session is open, its client
 * enabled, the page's Origin one of the client's), one stream per session, a lane of the shared
 * {@link FrameWorker} per stream so frames are decided off the container's threads, and the sweep
 * that closes streams whose session ended or went idle without a frame.
 */
@ApplicationScoped
public class SessionStreams {

    /** How often quiet streams are checked against their session (expired? ended elsewhere? client disabled?). */
    static final Duration SWEEP_INTERVAL = Duration.ofSeconds(10);

    @Inject
    SessionFrames frames;

    @Inject
    ClientAccess clientAccess;

    @Inject
    SessionSettings settings;

    @Inject
    FrameWorker frameWorker;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    private final Map<UUID, SessionStreamEndpoint> streaming = new ConcurrentHashMap<>();
    private ScheduledFuture<?> sweep;

    /** A connection's lane for frames. */
    FrameLane newLane() {
        return frameWorker.openLane(FrameSourceKind.SESSION_STREAM);
    }

    /**
     * Lets {@code stream} carry the session of {@code token}, as its only stream.
     *
     * @param origin the handshake's Origin header; null from non-browser clients, which no page can impersonate
     * @throws FaceGateException why not: unknown (404), expired (410), ended or already streaming (409), forbidden (403)
     */
    FaceSession admit(String token, String origin, SessionStreamEndpoint stream) {
        FaceSession session = check(token, origin);
        if (streaming.putIfAbsent(session.getId(), stream) != null) {
            throw new FaceGateException(ErrorKind.CONFLICT, "session_already_streaming",
                    "another connection is streaming this session; a session takes one connection at a time");
        }
        startSweep();
        return session;
    }

    /** The session, if frames may still be streamed to it from {@code origin}. */
    FaceSession check(String token, String origin) {
        FaceSession session = frames.usable(null, token);
        clientAccess.admitSession(session.getClientId(), origin);
        return session;
    }

    FrameOutcome process(String token, String image, CallOrigin origin) {
        return frames.process(null, token, new FrameSource.Text(image), origin);
    }

    void release(UUID sessionId, SessionStreamEndpoint stream) {
        if (sessionId != null) {
            streaming.remove(sessionId, stream);
        }
    }

    /** Streams close on their own when idle for longer than the session's idle timeout plus a sweep. */
    Duration socketIdleTimeout() {
        return settings.idleTimeout().plus(SWEEP_INTERVAL.multipliedBy(2));
    }

    private synchronized void startSweep() {
        if (sweep == null) {
            long every = SWEEP_INTERVAL.toMillis();
            sweep = scheduler.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
        }
    }

    private void sweep() {
        long quietSince = System.nanoTime() - SWEEP_INTERVAL.toNanos();
        streaming.values().forEach(stream -> stream.recheckIfQuietSince(quietSince));
    }

    @PreDestroy
    synchronized void stopSweep() {
        if (sweep != null) {
            sweep.cancel(false);
        }
    }
}
