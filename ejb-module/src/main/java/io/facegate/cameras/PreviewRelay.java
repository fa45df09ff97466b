package io.facegate.cameras;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * FaceGate's own preview of a polled camera: every viewer gets the latest frames from the one
 * connection the server already holds, so a console never opens a second connection to a camera
 * that serves one client at a time. A slow viewer skips frames; it never holds up the camera.
 */
public final class PreviewRelay {

    /** At most this many viewers per camera. */
    static final int MAX_VIEWERS = 4;

    private final Set<Viewer> viewers = new CopyOnWriteArraySet<>();
    private volatile boolean closed;

    /** One viewer's latest frame, replaced by each newer one. */
    public final class Viewer implements AutoCloseable {
        private byte[] next;

        private synchronized void offer(byte[] jpeg) {
            next = jpeg;
            notifyAll();
        }

        /** The next frame, or null when none came within {@code millis} or the camera stopped. */
        public synchronized byte[] next(long millis) throws InterruptedException {
            long deadline = System.currentTimeMillis() + millis;
            while (next == null && !closed) {
                long wait = deadline - System.currentTimeMillis();
                if (wait <= 0) {
                    return null;
                }
                wait(wait);
            }
            byte[] frame = next;
            next = null;
            return frame;
        }

        private synchronized void wake() {
            notifyAll();
        }

        @Override
        public void close() {
            viewers.remove(this);
        }
    }

    /** A new viewer, or null when the camera already has {@value #MAX_VIEWERS}. */
    public synchronized Viewer watch() {
        if (viewers.size() >= MAX_VIEWERS || closed) {
            return null;
        }
        Viewer viewer = new Viewer();
        viewers.add(viewer);
        return viewer;
    }

    void publish(byte[] jpeg) {
        for (Viewer viewer : viewers) {
            viewer.offer(jpeg);
        }
    }

    void close() {
        closed = true;
        viewers.forEach(Viewer::wake);
    }
}
