package io.facegate.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** A seed-003 WebSocket client for the integration tests: JSON messages in, the close code out. */
public final class StreamClient implements WebSocket.Listener, AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final long WAIT_SECONDS = 60;

    private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    /** How the server closed the connection. */
    public record Closed(int code, String reason) {
    }

    /** @param origin the Origin header a browser page would send; null for none */
    public static StreamClient connect(String url, String origin) {
        StreamClient client = new StreamClient();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (origin != null) {
            builder.header("Origin", origin);
        }
        client.socket = builder.buildAsync(URI.create(url), client).orTimeout(WAIT_SECONDS, TimeUnit.SECONDS).join();
        return client;
    }

    public static StreamClient connect(String url) {
        return connect(url, null);
    }

    public void send(String json) {
        try {
            socket.sendText(json, true).orTimeout(WAIT_SECONDS, TimeUnit.SECONDS).join();
        } catch (CompletionException e) {
            // Most often the server closed first: say how, and what it sent before, not only "Output closed".
            throw new AssertionError("could not send; server close: "
                    + closed.handle((close, failure) -> String.valueOf(close != null ? close : failure)).getNow("none") + ", unread messages: " + received, e);
        }
    }

    /** A frame message of a shared data file, with a frame_id the server echoes. */
    public void sendFrame(String photo, Object frameId) {
        send("{\"type\":\"frame\",\"frame_id\":" + (frameId instanceof Number ? frameId : "\"" + frameId + "\"")
                + ",\"image\":\"data:image/jpeg;base64," + TestData.base64(photo) + "\"}");
    }

    public JsonObject next() {
        try {
            JsonObject message = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(message, "no message within " + WAIT_SECONDS + " s; closed: " + closed.getNow(null));
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next message, which must be of this type. */
    public JsonObject next(String type) {
        JsonObject message = next();
        assertEquals(type, message.getString("type"), message::toString);
        return message;
    }

    /** Waits for the server's close; the messages it sent before stay readable with {@link #next()}. */
    public Closed closed() {
        return closed.orTimeout(WAIT_SECONDS, TimeUnit.SECONDS).join();
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    /** The close after an {@code error} message carrying the same code. */
    public Closed refusedWith(int code, String errorCode) {
        JsonObject error = next("error");
        assertEquals(code, error.getInt("code"), error::toString);
        assertEquals(errorCode, error.getString("error_code"), error::toString);
        Closed closedWith = closed();
        assertEquals(code, closedWith.code(), closedWith::toString);
        return closedWith;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try (JsonReader reader = Json.createReader(new StringReader(partial.toString()))) {
                received.add(reader.readObject());
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Closed(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(e -> null)
                    .completeOnTimeout(null, 5, TimeUnit.SECONDS).join();
        }
        socket.abort();
    }
}
