package io.facegate.cameras;

import java.io.IOException;

/** A camera answered, but not with frames: the failure says how. */
public class CameraException extends IOException {

    private final CameraFailure failure;

    public CameraException(CameraFailure failure, String message) {
        super(message);
        this.failure = failure;
    }

    public CameraFailure failure() {
        return failure;
    }
}
