package io.facegate.web.live;

import io.facegate.authentication.CallerIdentity;
import io.facegate.authentication.ClientAccess;
import io.facegate.live.LiveEvents;
import io.facegate.system.FaceGateException;
import io.facegate.web.http.JsonConfiguration;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one subscriber's facts as server-sent events, on a thread of its own, until the console
 * leaves (a failed write), the caller's credentials end (its token expires, or its client is
 * disabled or its secret rotated: checked at every heartbeat) or the stream's lifetime passed; the
 * console then reconnects with fresh credentials. A comment every {@link #HEARTBEAT_MILLIS} finds
 * departed consoles and keeps proxies from closing an idle connection.
 */
final class EventStream implements Runnable {

    static final long HEARTBEAT_MILLIS = 15_000;
    /** Tells EventSource-style clients how long to wait before reconnecting. */
    private static final long RETRY_MILLIS = 3_000;
    /** A console that does not take an event within this long is gone. */
    private static final long WRITE_TIMEOUT_SECONDS = 30;

    private final LiveEvents.Subscription subscription;
    private final CallerIdentity caller;
    private final ClientAccess access;
    private final Instant end;
    private final SseEventSink sink;
    private final Sse sse;

    EventStream(LiveEvents.Subscription subscription, CallerIdentity caller, ClientAccess access, Instant end, SseEventSink sink, Sse sse) {
        this.subscription = subscription;
        this.caller = caller;
        this.access = access;
        this.end = end;
        this.sink = sink;
        this.sse = sse;
    }

    @Override
    public void run() {
        long sequence = 0;
        try (subscription; sink) {
            if (!send(sse.newEventBuilder().name("ready").data(String.class, "{}").reconnectDelay(RETRY_MILLIS).build())) {
                return;
            }
            long nextHeartbeat = System.currentTimeMillis() + HEARTBEAT_MILLIS;
            while (Instant.now().isBefore(end) && !sink.isClosed()) {
                Object fact = subscription.next(Math.max(1, Math.min(nextHeartbeat, end.toEpochMilli()) - System.currentTimeMillis()));
                if (subscription.takeOverflow() && !send(sse.newEventBuilder().name("resync").data(String.class, "{}").build())) {
                    return;
                }
                if (fact != null) {
                    LiveEventView.Named event = LiveEventView.of(fact);
                    if (!send(sse.newEventBuilder().id(Long.toString(++sequence)).name(event.event())
                            .data(String.class, JsonConfiguration.jsonb().toJson(event.data())).build())) {
                        return;
                    }
                }
                if (System.currentTimeMillis() >= nextHeartbeat) {
                    // Checked on a busy stream too, so a revoked caller stops receiving within a heartbeat.
                    if (!stillAdmitted() || (fact == null && !send(sse.newEventBuilder().comment("keep-alive").build()))) {
                        return;
                    }
                    nextHeartbeat = System.currentTimeMillis() + HEARTBEAT_MILLIS;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean stillAdmitted() {
        try {
            access.admit(caller, null);
            return true;
        } catch (FaceGateException refused) {
            return false;
        }
    }

    /** False when the console is gone. */
    private boolean send(OutboundSseEvent event) throws InterruptedException {
        try {
            sink.send(event).toCompletableFuture().get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException | IllegalStateException gone) {
            return false;
        }
    }
}
