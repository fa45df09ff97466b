package io.facegate.sessions;

import io.facegate.domain.sessions.FaceSession;
import io.facegate.system.ErrorKind;
import io.facegate.system.FaceGateException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory progress of sessions that are receiving frames, one lock each: frames of the same
 * session are processed in order, frames of different sessions in parallel. A session whose
 * progress is missing although it already had frames lost it to a server restart. The progress is
 * also found by the session token's fingerprint, with the session as its last frame left it, so
 * that a stream's frames after the first do not read the session by token again.
 */
@ApplicationScoped
public class ActiveSessions {

    /** How long a frame waits for the previous frame of its session before it is refused. */
    private static final long LOCK_WAIT_SECONDS = 10;

    @Inject
    SessionSettings settings;

    private final Map<UUID, SessionProgress> progress = new ConcurrentHashMap<>();
    private final Map<String, SessionProgress> byTokenHash = new ConcurrentHashMap<>();

    /**
     * The session of the token with this fingerprint as its latest frame left it, if a frame of it was
     * processed and the session has not ended or been forgotten since. Only frames change a session
     * while it is open, except its expiry, which {@link FaceSession#isIdleAt} tells from the same state;
     * should the row move on otherwise, {@link FaceSessions#record} refuses the frame as the row says.
     */
    public Optional<FaceSession> lastKnown(String tokenHash) {
        return Optional.ofNullable(byTokenHash.get(tokenHash)).map(SessionProgress::session);
    }

    /**
     * The session's progress, locked for one frame; release it with {@link #release}.
     *
     * @param tokenHash the fingerprint of the token the frame came with, under which {@link #lastKnown} finds the session
     * @throws ProgressLostException when the session had frames before this server process started
     */
    public SessionProgress acquire(FaceSession session, String tokenHash) {
        SessionProgress current = progress.get(session.getId());
        if (current == null) {
            if (session.getFramesProcessed() > 0) {
                throw new ProgressLostException();
            }
            if (progress.size() >= settings.maxActive()) {
                throw new FaceGateException(ErrorKind.UNAVAILABLE, "too_many_active_sessions",
                        "the server is handling its maximum of " + settings.maxActive() + " active sessions; retry shortly");
            }
            current = progress.computeIfAbsent(session.getId(), id -> new SessionProgress(tokenHash));
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

    /**
     * Unlocks the progress after a frame.
     *
     * @param session the session as the frame left it (null when the frame changed nothing)
     */
    public void release(UUID sessionId, SessionProgress current, FaceSession session) {
        if (session != null) {
            current.remember(session);
            if (!session.getStatus().isOpen()) {
                drop(sessionId, current);
            } else if (progress.get(sessionId) == current) {
                byTokenHash.put(current.tokenHash(), current);
            }
        }
        current.unlock();
    }

    /** Drops progress that no frame has touched since {@code cutoff}: its session has expired. */
    public void forgetIdleSince(Instant cutoff) {
        progress.forEach((id, p) -> {
            if (p.touchedAt().isBefore(cutoff)) {
                drop(id, p);
            }
        });
    }

    public void forget(UUID sessionId) {
        SessionProgress current = progress.get(sessionId);
        if (current != null) {
            drop(sessionId, current);
        }
    }

    private void drop(UUID sessionId, SessionProgress current) {
        byTokenHash.remove(current.tokenHash(), current);
        progress.remove(sessionId, current);
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
