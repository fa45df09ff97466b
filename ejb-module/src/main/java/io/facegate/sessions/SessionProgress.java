package io.facegate.sessions;

import io.facegate.domain.sessions.FaceSession;
import io.facegate.liveness.LivenessTracker;
import io.facegate.recognition.FaceEmbedding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * What a session has gathered from its frames so far, kept in memory between frames: the accepted
 * faces' embeddings, the liveness evidence and the best frame. Frames of one session are processed one at a time under
 * {@link #tryLock}, so the fields need no further synchronisation.
 */
public final class SessionProgress {

    record AcceptedFace(FaceEmbedding embedding, double quality) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final String tokenHash;
    /** The session as the latest frame left it; read before the lock by the next frame's lookup. */
    private volatile FaceSession session;
    private final List<AcceptedFace> accepted = new ArrayList<>();
    private LivenessTracker liveness;
    private byte[] bestFrameJpeg;
    private double bestQuality = -1;
    private volatile Instant touchedAt = Instant.now();

    SessionProgress(String tokenHash) {
        this.tokenHash = tokenHash;
    }

    String tokenHash() {
        return tokenHash;
    }

    /** The session as the latest frame left it; null before the first frame was recorded. */
    FaceSession session() {
        return session;
    }

    void remember(FaceSession latest) {
        session = latest;
    }

    boolean tryLock(long timeoutSeconds) throws InterruptedException {
        return lock.tryLock(timeoutSeconds, TimeUnit.SECONDS);
    }

    void unlock() {
        touchedAt = Instant.now();
        lock.unlock();
    }

    Instant touchedAt() {
        return touchedAt;
    }

    void accept(FaceEmbedding embedding, double quality) {
        accepted.add(new AcceptedFace(embedding, quality));
    }

    List<AcceptedFace> accepted() {
        return List.copyOf(accepted);
    }

    /** The session's liveness evidence, started on first use. */
    LivenessTracker liveness(Supplier<LivenessTracker> start) {
        if (liveness == null) {
            liveness = start.get();
        }
        return liveness;
    }

    boolean isBetterFrame(double quality) {
        return quality > bestQuality;
    }

    void keepBestFrame(byte[] jpeg, double quality) {
        bestFrameJpeg = jpeg;
        bestQuality = quality;
    }

    byte[] bestFrameJpeg() {
        return bestFrameJpeg;
    }

    /** The accepted faces' normalised mean, or null before the first. */
    FaceEmbedding meanEmbedding() {
        return accepted.isEmpty() ? null : FaceEmbedding.mean(accepted.stream().map(AcceptedFace::embedding).toList());
    }
}
