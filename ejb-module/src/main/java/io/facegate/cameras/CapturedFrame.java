package io.facegate.cameras;

/**
 * One frame as a camera delivered it, as JPEG bytes.
 *
 * @param jpeg        the encoded frame
 * @param capturedAt  {@link System#nanoTime()}-scale time it arrived
 */
public record CapturedFrame(byte[] jpeg, long capturedAt) {
}
