package io.facegate.sessions;

import io.facegate.domain.sessions.FaceSession;
import io.facegate.system.ErrorKind;
import io.facegate.system.FaceGateException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory progress of sessions that are receiving frames, one lock each: frames of the same
 * session are processed in order, frames of different sessions in parallel. A session whose
 * progress is missing although it already had frames lost it to a server restart.
 */
@ApplicationScoped
public class ActiveSessions {

    /** How long a frame waits for the previous frame of its session before it is refused. */
    private static final long LOCK_WAIT_SECONDS = 10;

    @Inject
    SessionSettings settings;

    private final Map<UUID, SessionProgress> progress = new ConcurrentHashMap<>();

    /**
     * The session's progress, locked for one frame; release it with {@link #release}.
     *
     * @throws ProgressLostException when the session had frames before this server process started
     */
    public SessionProgress acquire(FaceSession session) {
        SessionProgress current = progress.get(session.getId());
        if (current == null) {
            if (session.getFramesProcessed() > 0) {
                throw new ProgressLostException();
            }
            if (progress.size() >= settings.maxActive()) {
                throw new FaceGateException(ErrorKind.UNAVAILABLE, "too_many_active_sessions",
                        "the server is handling its maximum of " + settings.maxActive() + " active sessions; retry shortly");
            }
            current = progress.computeIfAbsent(session.getId(), id -> new SessionProgress());
        }
        try {
            if (!current.tryLock(LOCK_WAIT_SECONDS)) {
                throw new FaceGateException(ErrorKind.CONFLICT, "frame_in_progress",
                        "the previous frame of this session is still being processed; send frames one at a time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FaceGateException(ErrorKind.UNAVAILABLE, "interrupted", "the server is shutting down");
        }
        return current;
    }

    public void release(UUID sessionId, SessionProgress current, boolean sessionEnded) {
        if (sessionEnded) {
            progress.remove(sessionId, current);
        }
        current.unlock();
    }

    /** Drops progress that no frame has touched since {@code cutoff}: its session has expired. */
    public void forgetIdleSince(Instant cutoff) {
        progress.values().removeIf(p -> p.touchedAt().isBefore(cutoff));
    }

    public void forget(UUID sessionId) {
        progress.remove(sessionId);
    }

    public int size() {
        return progress.size();
    }

    public static final class ProgressLostException extends RuntimeException {
        ProgressLostException() {
            super("session progress lost", null, false, false);
        }
    }
}
