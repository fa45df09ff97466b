package io.facegate.cameras;

import java.io.IOException;

/**
 * An open connection to a camera that yields its frames one by one. {@link #close()} may be
 * called from another thread to end a {@link #next()} blocked in a read.
 */
public interface CameraFeed extends AutoCloseable {

    /**
     * Blocks for the camera's next frame.
     *
     * @throws IOException why there is none; {@link CameraFailure#of} names it
     */
    CapturedFrame next() throws IOException;

    /** Bytes received since the feed opened (for the bandwidth a camera uses). */
    long bytesReceived();

    @Override
    void close();
}
