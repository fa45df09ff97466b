package io.facegate.it;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A webhook receiver on loopback for the integration tests: records every request, answers what
 * the test says (200 by default), and can go down and come back on the same port.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived. */
    public record Delivery(String path, String id, String timestamp, String signature, String authorization, String body,
                           Instant receivedAt) {

        public JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        /** {@code type} (standard) or {@code event} (facegate-legacy). */
        public String type() {
            JsonObject json = json();
            return json.containsKey("type") ? json.getString("type") : json.getString("event", "");
        }

        /** Checks the Standard Webhooks signature with an independent library; throws if it does not verify. */
        public void verify(String secret) throws Exception {
            new Webhook(secret).verify(body, Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(timestamp),
                    "webhook-signature", List.of(signature)));
        }
    }

    private final int port;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Delivery> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile Map<String, String> headers = Map.of();
    private HttpServer server;

    private WebhookReceiver() throws IOException {
        server = listen(0);
        port = server.getAddress().getPort();
    }

    public static WebhookReceiver start() throws IOException {
        return new WebhookReceiver();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Answers every following request with {@code status} and these headers. */
    public void answer(int newStatus, Map<String, String> newHeaders) {
        headers = Map.copyOf(newHeaders);
        status = newStatus;
    }

    /** Stops listening: connections are refused. */
    public synchronized void down() {
        server.stop(0);
    }

    /** Listens again on the same port. */
    public synchronized void up() throws IOException {
        server = listen(port);
    }

    public List<Delivery> received() {
        return List.copyOf(received);
    }

    /** Waits until {@code count} received requests match, and returns them all. */
    public List<Delivery> await(Predicate<Delivery> which, int count, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<Delivery> matching = received.stream().filter(which).toList();
            if (matching.size() >= count || Instant.now().isAfter(deadline)) {
                return matching;
            }
            Thread.sleep(50);
        }
    }

    private HttpServer listen(int onPort) throws IOException {
        HttpServer listening = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 50);
        listening.setExecutor(threads);
        listening.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                received.add(new Delivery(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("webhook-id"),
                        exchange.getRequestHeaders().getFirst("webhook-timestamp"), exchange.getRequestHeaders().getFirst("webhook-signature"),
                        exchange.getRequestHeaders().getFirst("Authorization"), body, Instant.now()));
                headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
                byte[] answer = ("{\"received\": " + received.size() + "}").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, answer.length);
                exchange.getResponseBody().write(answer);
            }
        });
        listening.start();
        return listening;
    }

    @Override
    public synchronized void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
