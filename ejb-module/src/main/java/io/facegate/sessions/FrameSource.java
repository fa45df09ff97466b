package io.facegate.sessions;

import io.facegate.recognition.DecodedImage;
import io.facegate.recognition.FaceEngine;

/**
 * A frame as it arrived, decoded only once the session has been found valid: a bad token is
 * refused before any image work is spent on it.
 */
public sealed interface FrameSource {

    DecodedImage decode(FaceEngine engine);

    /** An uploaded file, or a multipart field holding a data URL or base64 as text. */
    record Upload(byte[] bytes) implements FrameSource {
        @Override
        public DecodedImage decode(FaceEngine engine) {
            return engine.decodeUpload("image", bytes);
        }
    }

    /** A data URL or base64 string from JSON or a WebSocket message. */
    record Text(String text) implements FrameSource {
        @Override
        public DecodedImage decode(FaceEngine engine) {
            return engine.decodeText("image", text);
        }
    }
}
