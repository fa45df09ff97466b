package io.facegate.webhooks;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.facegate.domain.webhooks.AttemptTrigger;
import io.facegate.egress.EgressPolicy;
import io.facegate.egress.EgressSettings;
import io.facegate.egress.EgressTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One attempt against a real HTTP receiver on loopback. */
class WebhookSenderTest {

    private static final String BODY = "{\"type\":\"ping\",\"timestamp\":\"2026-01-05T10:00:00Z\",\"data\":{\"message\":\"héllo\"}}";

    private HttpServer server;
    private ExecutorService receiverThreads;
    private ScheduledExecutorService deadlines;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicReference<HttpExchange> last = new AtomicReference<>();
    private final AtomicReference<byte[]> lastBody = new AtomicReference<>();
    private volatile Answer answer = exchange -> respond(exchange, 200, "thanks");

    @FunctionalInterface
    private interface Answer {
        void to(HttpExchange exchange) throws Exception;
    }

    @BeforeEach
    void startReceiver() throws IOException {
        receiverThreads = Executors.newCachedThreadPool();
        deadlines = Executors.newSingleThreadScheduledExecutor();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(receiverThreads);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            last.set(exchange);
            lastBody.set(exchange.getRequestBody().readAllBytes());
            try {
                answer.to(exchange);
            } catch (Exception e) {
                // the client gave up (the timeout test): nothing to answer
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    @AfterEach
    void stopReceiver() {
        server.stop(0);
        receiverThreads.shutdownNow();
        deadlines.shutdownNow();
    }

    @Test
    void theDeliveryIsSignedCarriesTheBearerTokenAndKeepsTheAnswer() throws Exception {
        String secret = WebhookSignature.newSecret();
        UUID id = UUID.randomUUID();
        AttemptResult result = sender("loopback", 15).send(target(List.of(secret), "seed-002-secret"), delivery(id));

        assertTrue(result.accepted(), result::toString);
        assertEquals(200, result.statusCode());
        assertEquals("thanks", result.responseExcerpt());
        assertNull(result.error());
        assertTrue(result.latencyMs() > 0);
        HttpExchange exchange = last.get();
        assertEquals("POST", exchange.getRequestMethod());
        assertEquals("/hooks/facegate", exchange.getRequestURI().getPath());
        assertEquals("Bearer seed-002-secret", exchange.getRequestHeaders().getFirst("Authorization"));
        assertEquals("application/json; charset=UTF-8", exchange.getRequestHeaders().getFirst("Content-Type"));
        assertEquals(WebhookSender.USER_AGENT, exchange.getRequestHeaders().getFirst("User-Agent"));
        assertEquals(id.toString(), exchange.getRequestHeaders().getFirst("webhook-id"));
        String received = new String(lastBody.get(), StandardCharsets.UTF_8);
        assertEquals(BODY, received, "the bytes signed are the bytes sent");
        new Webhook(secret).verify(received, lowerCaseHeaders(exchange));
    }

    @Test
    void onlyTheFirstFourKilobytesOfAnAnswerAreKept() throws Exception {
        answer = exchange -> respond(exchange, 500, "x".repeat(100_000));
        WebhookSender sender = sender("loopback", 15);
        AttemptResult result = sender.send(target(List.of(WebhookSignature.newSecret()), null), delivery(UUID.randomUUID()));
        assertFalse(result.accepted());
        assertEquals(500, result.statusCode());
        assertEquals(4096, result.responseExcerpt().length());
        assertNull(last.get().getRequestHeaders().getFirst("Authorization"), "no token, no header");

        answer = exchange -> respond(exchange, 204, "");
        assertEquals(204, sender.send(target(List.of(WebhookSignature.newSecret()), null), delivery(UUID.randomUUID())).statusCode(),
                "the cut answer's connection is not reused half-read");
    }

    @Test
    void retryAfterIsReadAndRedirectsAreNotFollowed() throws Exception {
        WebhookSender sender = sender("loopback", 15);
        answer = exchange -> {
            exchange.getResponseHeaders().set("Retry-After", "7");
            respond(exchange, 429, "slow down");
        };
        AttemptResult limited = sender.send(target(List.of(WebhookSignature.newSecret()), null), delivery(UUID.randomUUID()));
        assertEquals(429, limited.statusCode());
        assertEquals(Duration.ofSeconds(7), limited.retryAfter());

        answer = exchange -> {
            exchange.getResponseHeaders().set("Location", "http://169.254.169.254/latest/meta-data/");
            respond(exchange, 302, "");
        };
        int before = requests.get();
        AttemptResult moved = sender.send(target(List.of(WebhookSignature.newSecret()), null), delivery(UUID.randomUUID()));
        assertEquals(302, moved.statusCode());
        assertFalse(moved.accepted(), "a 3xx is an answer, not a delivery");
        assertEquals(before + 1, requests.get());
    }

    @Test
    void aReceiverThatDripsItsAnswerIsCutAtTheTimeout() throws Exception {
        answer = exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            for (int i = 0; i < 20; i++) {
                out.write('.');
                out.flush();
                Thread.sleep(200);
            }
        };
        AttemptResult result = sender("loopback", 1).send(target(List.of(WebhookSignature.newSecret()), null), delivery(UUID.randomUUID()));
        assertNull(result.statusCode());
        assertEquals("no complete answer within 1 s", result.error());
        assertTrue(result.latencyMs() < 2500, "cut after about a second, not after the 4 s of dripping: " + result.latencyMs());
    }

    @Test
    void theEgressPolicyIsAppliedWhenConnecting() {
        AttemptResult result = sender("public", 15).send(target(List.of(WebhookSignature.newSecret()), null), delivery(UUID.randomUUID()));
        assertNull(result.statusCode());
        assertTrue(result.error().startsWith("egress_refused: "), result.error());
        assertTrue(result.error().contains("loopback"), result.error());
        assertEquals(0, requests.get());
    }

    private WebhookSender sender(String allowlist, long timeoutSeconds) {
        WebhookSettings settings = new WebhookSettings();
        settings.retrySchedule = RetrySchedule.DEFAULT;
        settings.timeoutSeconds = timeoutSeconds;
        settings.concurrency = 1;
        settings.read();
        WebhookSender sender = new WebhookSender();
        sender.egress = new EgressPolicy(new EgressSettings(Map.of(EgressTarget.WEBHOOK, allowlist)), InetAddress::getAllByName);
        sender.settings = settings;
        sender.scheduler = deadlines;
        sender.open();
        return sender;
    }

    private EndpointTarget target(List<String> secrets, String bearerToken) {
        return new EndpointTarget(UUID.randomUUID(), URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/facegate"),
                secrets, bearerToken);
    }

    private static OutgoingDelivery delivery(UUID id) {
        return new OutgoingDelivery(id, "ping", BODY, AttemptTrigger.SCHEDULED);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private static Map<String, List<String>> lowerCaseHeaders(HttpExchange exchange) {
        return exchange.getRequestHeaders().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue));
    }
}
