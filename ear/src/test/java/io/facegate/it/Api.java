package io.facegate.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A small HTTP client for the integration tests: JSON in, status and JSON out. */
public final class Api {

    /** HTTP/1.1 as integrators' clients mostly speak it (the JDK's default h2c upgrade hung on some malformed bodies). */
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final String baseUrl;
    private final List<String> headers = new ArrayList<>();

    private Api(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static Api anonymous() {
        return new Api(FaceGateServer.baseUrl());
    }

    /** Without credentials, on the operations listener (/metrics, /health) instead of the public port. */
    public static Api operations() {
        return new Api(FaceGateServer.operationsBaseUrl());
    }

    public static Api bearer(String token) {
        return anonymous().header("Authorization", "Bearer " + token);
    }

    public Api header(String name, String value) {
        Api copy = new Api(baseUrl);
        copy.headers.addAll(headers);
        copy.headers.add(name);
        copy.headers.add(value);
        return copy;
    }

    public Reply get(String path) {
        return send(request(path).GET());
    }

    public Reply delete(String path) {
        return send(request(path).DELETE());
    }

    public Reply post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** POSTs {@code json} where it must create something (201) and returns what was created. */
    public JsonObject create(String path, String json) {
        Reply reply = post(path, json);
        if (reply.status() != 201) {
            throw new AssertionError("expected 201 from POST " + path + ", got " + reply);
        }
        return reply.json();
    }

    public Reply post(String path, byte[] body, String contentType) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Reply patch(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A GET whose answer may be binary (a report file), with its status and content type. */
    public Binary getBinary(String path) {
        return binary(request(path).GET());
    }

    /** A GET of an absolute URL without credentials (a presigned download link). */
    public static Binary fetch(String url) {
        return binary(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET());
    }

    private static Binary binary(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Binary(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (Exception e) {
            throw new IllegalStateException("request failed: " + e.getMessage(), e);
        }
    }

    /** A response read as bytes. */
    public record Binary(int status, String contentType, byte[] body) {

        /** The body as JSON, for an answer that turned out not to be a file. */
        public JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(new String(body, java.nio.charset.StandardCharsets.UTF_8)))) {
                return reader.readObject();
            }
        }
    }

    /** Any method with any body and content type (a null body sends none), for tests of malformed requests. */
    public Reply send(String method, String path, byte[] body, String contentType) {
        boolean withBody = body != null && !method.equals("GET") && !method.equals("DELETE");
        HttpRequest.Builder builder = request(path).method(method,
                withBody ? HttpRequest.BodyPublishers.ofByteArray(body) : HttpRequest.BodyPublishers.noBody());
        if (withBody) {
            builder.header("Content-Type", contentType);
        }
        return send(builder);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
        for (int i = 0; i < headers.size(); i += 2) {
            builder.header(headers.get(i), headers.get(i + 1));
        }
        return builder;
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response);
        } catch (Exception e) {
            throw new IllegalStateException("request failed: " + e.getMessage(), e);
        }
    }

    /** One response. */
    public record Reply(int status, String body, HttpResponse<String> raw) {

        public JsonObject json() {
            return (JsonObject) structure();
        }

        public JsonStructure structure() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.read();
            } catch (RuntimeException e) {
                throw new AssertionError("not JSON (HTTP " + status + "): " + body, e);
            }
        }

        public String contentType() {
            return raw.headers().firstValue("Content-Type").orElse("");
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + body;
        }
    }
}
