package io.facegate.profiles;

import io.facegate.egress.EgressPolicy;
import io.facegate.egress.EgressRefusedException;
import io.facegate.egress.EgressTarget;
import io.facegate.recognition.FaceEngine;
import io.facegate.system.ErrorKind;
import io.facegate.system.FaceGateException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.routing.RoutingSupport;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.io.CloseMode;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Downloads a photo a client named by URL (seed 002's {@code imageUrl}), only where the egress
 * policy lets {@link EgressTarget#IMAGE} go and never more bytes than an uploaded image may have.
 */
@ApplicationScoped
public class ImageFetcher {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Bulk syncs fetch in parallel; more would only queue on the engine. */
    private static final int MAX_CONNECTIONS = 8;

    @Inject
    EgressPolicy egress;

    @Inject
    FaceEngine engine;

    private CloseableHttpClient client;

    @PostConstruct
    void open() {
        client = egress.httpClient(EgressTarget.IMAGE, TIMEOUT, TIMEOUT, MAX_CONNECTIONS).setUserAgent("FaceGate-Images/1.0").build();
    }

    @PreDestroy
    void close() {
        client.close(CloseMode.GRACEFUL);
    }

    /**
     * @param field the request field that named the URL, for messages
     * @throws FaceGateException 422 {@code egress_refused} or {@code image_fetch_failed}, 413 {@code image_too_large}
     */
    public byte[] fetch(String field, String url) {
        URI uri = egress.checkUrl(EgressTarget.IMAGE, url);
        HttpGet get = new HttpGet(uri);
        try (ClassicHttpResponse response = client.executeOpen(RoutingSupport.determineHost(get), get, null)) {
            HttpEntity entity = response.getEntity();
            if (response.getCode() != 200 || entity == null) {
                throw failed(field, uri, "answered HTTP " + response.getCode() + (entity == null ? " without a body" : ""));
            }
            long max = engine.settings().maxImageBytes();
            try (InputStream body = entity.getContent()) {
                byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, max + 1));
                if (bytes.length > max) {
                    // Closing the response without reading on drops the connection rather than draining a huge body.
                    throw new FaceGateException(ErrorKind.PAYLOAD_TOO_LARGE, "image_too_large",
                            field + ": the image at the URL has more than " + max + " bytes", Map.of("field", field));
                }
                return bytes;
            }
        } catch (EgressRefusedException e) {
            throw e.unprocessable();
        } catch (IOException | HttpException e) {
            throw failed(field, uri, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private static FaceGateException failed(String field, URI uri, String why) {
        return new FaceGateException(ErrorKind.UNPROCESSABLE, "image_fetch_failed",
                field + ": the image could not be downloaded from " + uri.getHost() + " (" + why + ")", Map.of("field", field));
    }
}
