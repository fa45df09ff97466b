package io.facegate.cameras;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.function.LongSupplier;

/** A {@code multipart/x-mixed-replace} JPEG stream over HTTP (ESP32 CameraWebServer's {@code :81/stream}). */
final class MjpegFeed implements CameraFeed {

    private final HttpGet request;
    private final ClassicHttpResponse response;
    private final MultipartJpegReader reader;
    private final LongSupplier clock;

    private MjpegFeed(HttpGet request, ClassicHttpResponse response, MultipartJpegReader reader, LongSupplier clock) {
        this.request = request;
        this.response = response;
        this.reader = reader;
        this.clock = clock;
    }

    /**
     * Sends the request and checks the answer is a multipart JPEG stream.
     *
     * @throws IOException why not (with {@link CameraException} for an answer that is not a stream)
     */
    static MjpegFeed open(CloseableHttpClient client, URI url, boolean hasCredentials, int maxFrameBytes, LongSupplier clock)
            throws IOException {
        HttpGet request = new HttpGet(url);
        ClassicHttpResponse response = client.executeOpen(null, request, null);
        try {
            HttpAnswers.requireOk(response, hasCredentials);
            HttpEntity entity = response.getEntity();
            String type = entity == null || entity.getContentType() == null ? "" : entity.getContentType().toLowerCase(Locale.ROOT);
            if (type.startsWith("image/")) {
                throw new CameraException(CameraFailure.NOT_A_JPEG_STREAM, "the URL answers single images (" + type
                        + "), not a multipart/x-mixed-replace stream: register it with source_kind snapshot");
            }
            if (!type.isEmpty() && !type.startsWith("multipart/")) {
                throw new CameraException(CameraFailure.NOT_A_JPEG_STREAM, "the URL answers " + type
                        + ", not a multipart/x-mixed-replace JPEG stream");
            }
            if (entity == null) {
                throw new CameraException(CameraFailure.NOT_A_JPEG_STREAM, "the URL answers without a body");
            }
            return new MjpegFeed(request, response, new MultipartJpegReader(entity.getContent(), maxFrameBytes), clock);
        } catch (IOException | RuntimeException e) {
            response.close();
            throw e;
        }
    }

    @Override
    public CapturedFrame next() throws IOException {
        byte[] jpeg = reader.next();
        if (jpeg == null) {
            throw new CameraException(CameraFailure.STREAM_ENDED, "the camera closed the stream");
        }
        return new CapturedFrame(jpeg, clock.getAsLong());
    }

    @Override
    public long bytesReceived() {
        return reader.bytesRead();
    }

    @Override
    public void close() {
        // Cancelling shuts the connection down, which also ends a read blocked in another thread.
        request.cancel();
        try {
            response.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
