package io.facegate.web.live;

import io.facegate.authentication.CallerIdentity;
import io.facegate.authentication.ClientAccess;
import io.facegate.live.LiveEvents;
import io.facegate.system.FaceGateException;
import io.facegate.web.http.JsonConfiguration;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Writes one subscriber's facts as server-sent events until the console leaves (a failed write),
 * the caller's credentials end (its token expires, or its client is disabled or its secret rotated:
 * checked at every heartbeat) or the stream's lifetime passed; the console then reconnects with
 * fresh credentials. A comment line every {@link #HEARTBEAT_MILLIS} finds departed consoles and keeps
 * proxies from closing an idle connection.
 */
final class EventStream implements StreamingOutput {

    static final long HEARTBEAT_MILLIS = 15_000;
    /** Tells EventSource-style clients how long to wait before reconnecting. */
    private static final long RETRY_MILLIS = 3_000;

    private final LiveEvents.Subscription subscription;
    private final CallerIdentity caller;
    private final ClientAccess access;
    private final Instant end;

    EventStream(LiveEvents.Subscription subscription, CallerIdentity caller, ClientAccess access, Instant end) {
        this.subscription = subscription;
        this.caller = caller;
        this.access = access;
        this.end = end;
    }

    @Override
    public void write(OutputStream out) throws IOException {
        long sequence = 0;
        try (subscription) {
            send(out, "retry: " + RETRY_MILLIS + "\nevent: ready\ndata: {}\n\n");
            long nextHeartbeat = System.currentTimeMillis() + HEARTBEAT_MILLIS;
            while (Instant.now().isBefore(end)) {
                Object fact = subscription.next(Math.max(1, Math.min(nextHeartbeat, end.toEpochMilli()) - System.currentTimeMillis()));
                if (subscription.takeOverflow()) {
                    send(out, "event: resync\ndata: {}\n\n");
                }
                if (fact != null) {
                    LiveEventView.Named event = LiveEventView.of(fact);
                    send(out, "id: " + (++sequence) + "\nevent: " + event.event() + "\ndata: "
                            + JsonConfiguration.jsonb().toJson(event.data()) + "\n\n");
                }
                if (System.currentTimeMillis() >= nextHeartbeat) {
                    // Checked on a busy stream too, so a revoked caller stops receiving within a heartbeat.
                    if (!stillAdmitted()) {
                        return;
                    }
                    if (fact == null) {
                        send(out, ": keep-alive\n\n");
                    }
                    nextHeartbeat = System.currentTimeMillis() + HEARTBEAT_MILLIS;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("event stream interrupted");
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

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
