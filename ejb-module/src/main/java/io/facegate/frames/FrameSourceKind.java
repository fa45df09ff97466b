package io.facegate.frames;

import java.util.Locale;

/** Where frames come from: each kind has its own counters, all share the worker's threads. */
public enum FrameSourceKind {
    /** A browser or device streaming a session's frames over WebSocket. */
    SESSION_STREAM,
    /** A camera polled by the server. */
    CAMERA;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
