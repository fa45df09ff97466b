package io.facegate.cameras;

import java.io.IOException;

/** Opens a camera's feeds; {@link CameraConnection} in production, scripted feeds in the poller's tests. */
interface FeedOpener extends AutoCloseable {

    /** The camera's own stream. */
    CameraFeed openStream() throws IOException;

    /** Whether snapshots can be polled while the stream is busy. */
    boolean hasSnapshotFallback();

    CameraFeed openSnapshotFallback() throws IOException;

    /** Closes every connection opened. */
    @Override
    void close();
}
