package io.facegate.webhooks;

import io.facegate.egress.EgressPolicy;
import io.facegate.egress.EgressRefusedException;
import io.facegate.egress.EgressTarget;
import io.facegate.domain.webhooks.WebhookAttempt;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.routing.RoutingSupport;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends one signed delivery over HTTP, outside any transaction: through the egress policy's client
 * (the resolved address is checked when connecting, no redirect is followed), within the timeout
 * for the whole exchange, keeping at most 4 KB of the answer.
 */
@ApplicationScoped
public class WebhookSender {

    static final String USER_AGENT = "FaceGate-Webhooks/1.0";
    private static final int PING_CONNECTIONS = 4;

    @Inject
    EgressPolicy egress;

    @Inject
    WebhookSettings settings;

    /** Only arms and disarms deadlines; typed by its plain interface so tests can hand in their own. */
    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ScheduledExecutorService scheduler;

    private CloseableHttpClient client;

    @PostConstruct
    void open() {
        // One connection per endpoint being sent to, to the same host or not, and a few for test pings.
        client = egress.httpClient(EgressTarget.WEBHOOK, settings.timeout(), settings.timeout(), settings.concurrency() + PING_CONNECTIONS)
                .setUserAgent(USER_AGENT)
                .build();
    }

    @PreDestroy
    void close() {
        client.close(CloseMode.GRACEFUL);
    }

    public AttemptResult send(EndpointTarget target, OutgoingDelivery delivery) {
        Instant started = Instant.now();
        long start = System.nanoTime();
        HttpPost post = new HttpPost(target.url());
        String id = delivery.id().toString();
        long timestamp = started.getEpochSecond();
        post.setHeader("webhook-id", id);
        post.setHeader("webhook-timestamp", Long.toString(timestamp));
        post.setHeader("webhook-signature", WebhookSignature.header(target.secrets(), id, timestamp, delivery.payload()));
        if (target.bearerToken() != null) {
            post.setHeader("Authorization", "Bearer " + target.bearerToken());
        }
        post.setEntity(new ByteArrayEntity(delivery.payload().getBytes(StandardCharsets.UTF_8), ContentType.APPLICATION_JSON));
        // Socket timeouts bound each read; this bounds the whole exchange (a receiver dripping bytes).
        ScheduledFuture<?> deadline = scheduler.schedule(post::cancel, settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        try (ClassicHttpResponse response = client.executeOpen(RoutingSupport.determineHost(post), post, null)) {
            String excerpt = excerpt(response.getEntity());
            Header retryAfter = response.getFirstHeader("Retry-After");
            return new AttemptResult(started, millisSince(start), response.getCode(), excerpt, null,
                    AttemptResult.retryAfter(retryAfter == null ? null : retryAfter.getValue(), Instant.now()));
        } catch (EgressRefusedException e) {
            return failed(started, start, "egress_refused: " + e.getMessage());
        } catch (IOException | HttpException e) {
            return failed(started, start, post.isCancelled()
                    ? "no complete answer within " + settings.timeout().toSeconds() + " s"
                    : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } finally {
            deadline.cancel(false);
        }
    }

    /**
     * The start of the answer. A short answer is read to its end, which returns the connection to
     * the pool; a longer one is cut and its connection closed rather than read on.
     */
    private static String excerpt(HttpEntity entity) throws IOException {
        if (entity == null) {
            return null;
        }
        InputStream body = entity.getContent();
        byte[] start = body.readNBytes(WebhookAttempt.MAX_EXCERPT_LENGTH);
        return new String(start, StandardCharsets.UTF_8);
    }

    private static AttemptResult failed(Instant started, long start, String error) {
        return new AttemptResult(started, millisSince(start), null, null, error, null);
    }

    private static double millisSince(long start) {
        return Duration.ofNanos(System.nanoTime() - start).toNanos() / 1e6;
    }
}
