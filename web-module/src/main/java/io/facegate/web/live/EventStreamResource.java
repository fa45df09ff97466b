package io.facegate.web.live;

import io.facegate.authentication.CallerIdentity;
import io.facegate.authentication.ClientAccess;
import io.facegate.authentication.Roles;
import io.facegate.live.LiveEvents;
import io.facegate.web.authentication.Callers;
import io.facegate.web.authentication.RequiresRole;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.time.Instant;

/** The client's live facts as server-sent events (the console's live views). */
@Path("v1/events")
@RequiresRole(Roles.CLIENT)
@Tag(name = "Live events")
public class EventStreamResource {

    /** The longest a stream stays open; the console reconnects (with a refreshed token) after it. */
    static final Duration MAX_STREAM = Duration.ofMinutes(10);

    @Inject
    LiveEvents events;

    @Inject
    ClientAccess access;

    @Context
    HttpServletRequest http;

    @Context
    SecurityContext security;

    /** Each stream waits on its own thread, not on a request thread or a shared executor's. */
    @Resource
    ManagedThreadFactory threads;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "The client's live facts after they were committed, as server-sent events: `detection` (created or"
            + " improved: id, camera_id, status, client_user_id, confidence, first_report, detected_at), `camera` (camera_id,"
            + " status online|offline, last_error, at), `attendance` (id, employee_id, name, department, source, camera_id,"
            + " confidence, timestamp); `ready` first, `resync` when facts were dropped for a slow reader (read the lists"
            + " again). Needs `Accept: text/event-stream`. Ends after 10 minutes or when the token expires; reconnect")
    @APIResponse(responseCode = "200", description = "The event stream", content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
            examples = @ExampleObject(name = "detection", value = "event: detection\nid: 1\ndata: {\"id\": \"...\", \"camera_id\": \"CAM001\","
                    + " \"status\": \"MATCHED\", \"client_user_id\": \"...\", \"confidence\": 0.71, \"first_report\": true,"
                    + " \"detected_at\": \"2026-01-01T08:00:00Z\"}\n\n")))
    @APIResponse(responseCode = "406", description = "The request does not accept text/event-stream")
    @APIResponse(responseCode = "429", description = "The client already has its maximum of open streams (too_many_streams)")
    public void liveEvents(@HeaderParam("Accept") String accept, @Context SseEventSink sink, @Context Sse sse) {
        // Only a caller asking for an event stream gets one: a plain HTTP client would wait on it forever.
        if (accept == null || !accept.contains(MediaType.SERVER_SENT_EVENTS)) {
            throw new NotAcceptableException();
        }
        CallerIdentity caller = Callers.client(http);
        Instant end = Instant.now().plus(MAX_STREAM);
        if (security.getUserPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0) {
            Instant expiry = Instant.ofEpochSecond(jwt.getExpirationTime());
            end = expiry.isBefore(end) ? expiry : end;
        }
        LiveEvents.Subscription subscription = events.subscribe(caller.clientId());
        try {
            threads.newThread(new EventStream(subscription, caller, access, end, sink, sse)).start();
        } catch (RuntimeException e) {
            subscription.close();
            throw e;
        }
    }
}
