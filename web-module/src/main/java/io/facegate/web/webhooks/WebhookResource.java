package io.facegate.web.webhooks;

import io.facegate.authentication.Roles;
import io.facegate.web.authentication.Callers;
import io.facegate.web.authentication.RequiresRole;
import io.facegate.web.http.Ids;
import io.facegate.web.http.JsonConfiguration;
import io.facegate.web.http.PagedResponse;
import io.facegate.web.http.Paging;
import io.facegate.webhooks.AttemptResult;
import io.facegate.webhooks.CreatedWebhook;
import io.facegate.webhooks.DeliveryFilter;
import io.facegate.webhooks.DeliveryLog;
import io.facegate.webhooks.PingResult;
import io.facegate.webhooks.WebhookEventTypes;
import io.facegate.webhooks.WebhookRegistry;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.groups.ConvertGroup;
import jakarta.validation.groups.Default;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * A client's webhooks, their delivery logs and replays. Another client's webhook or delivery id
 * answers 404 exactly like a missing one.
 */
@Path("webhooks")
@RequiresRole(Roles.CLIENT)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
public class WebhookResource {

    private static final String CREATE_EXAMPLE = "{\"url\": \"https://backend.example.com/facegate/events\", \"events\": "
            + "[\"authentication.completed\", \"session.spoof_suspected\"], \"description\": \"door controller\", "
            + "\"format\": \"standard\", \"bearer_token\": \"optional-shared-secret\"}";
    private static final String WEBHOOK_EXAMPLE = "{\"id\": \"5b0c7d6e-8f41-4b0a-9a55-0e7c2f3d9a10\", \"url\": "
            + "\"https://backend.example.com/facegate/events\", \"description\": \"door controller\", \"events\": "
            + "[\"authentication.completed\", \"session.spoof_suspected\"], \"format\": \"standard\", \"is_active\": true, "
            + "\"has_bearer_token\": true, \"previous_secret_expires_at\": null, \"disabled_reason\": null, \"disabled_at\": null, "
            + "\"failing_since\": null, \"created_at\": \"2025-10-12T10:30:00Z\", \"updated_at\": \"2025-10-12T10:30:00Z\", "
            + "\"secret\": \"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw1Xb3D6jFfXs=\"}";
    private static final String DELIVERY_EXAMPLE = "{\"id\": \"0f3c2a9e-6d1b-4c8e-b7a4-9e2d5f1c3b7a\", \"event\": "
            + "\"authentication.completed\", \"status\": \"pending\", \"attempt_count\": 2, \"last_status_code\": 503, "
            + "\"last_error\": null, \"last_attempt_at\": \"2025-10-12T10:30:05Z\", \"next_attempt_at\": \"2025-10-12T10:35:05Z\", "
            + "\"created_at\": \"2025-10-12T10:30:00Z\", \"payload\": {\"type\": \"authentication.completed\", \"timestamp\": "
            + "\"2025-10-12T10:30:00Z\", \"data\": {\"session_id\": \"9d1e...\", \"session_type\": \"verification\", "
            + "\"authenticated\": true, \"user_id\": \"user123\"}}, \"attempts\": [{\"attempt\": 1, \"trigger\": \"scheduled\", "
            + "\"started_at\": \"2025-10-12T10:30:00Z\", \"latency_ms\": 12.5, \"status_code\": null, \"response_excerpt\": null, "
            + "\"error\": \"HttpHostConnectException: Connection refused\", \"next_attempt_at\": \"2025-10-12T10:30:05Z\"}]}";

    @Inject
    WebhookRegistry registry;

    @Inject
    DeliveryLog log;

    @Inject
    WebhookEventTypes eventTypes;

    @Context
    HttpServletRequest http;

    /** A subscribable event type. */
    public record EventTypeView(String name, String description) {
    }

    /** What a test ping gave. */
    public record PingView(UUID deliveryId, boolean success, Integer statusCode, double latencyMs, String responseExcerpt,
                           String error) {

        static PingView of(PingResult ping) {
            AttemptResult result = ping.result();
            return new PingView(ping.deliveryId(), result.accepted(), result.statusCode(), result.latencyMs(),
                    result.responseExcerpt(), result.error());
        }
    }

    @POST
    @Operation(summary = "Create a webhook; the answer carries its signing secret, shown this once",
            description = "Deliveries are signed the Standard Webhooks way (webhook-id, webhook-timestamp, webhook-signature) "
                    + "and, with a bearer_token, also carry Authorization: Bearer. The URL must pass the egress policy: "
                    + "public addresses by default, never link-local or cloud metadata (422 egress_refused).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "webhook", value = CREATE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created, with its secret",
            content = @Content(examples = @ExampleObject(name = "webhook", value = WEBHOOK_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A field is missing or invalid, or an event type is unknown")
    @APIResponse(responseCode = "409", description = "The client has " + WebhookRegistry.MAX_WEBHOOKS_PER_CLIENT + " webhooks already")
    @APIResponse(responseCode = "422", description = "The URL is refused by the egress policy (egress_refused) or holds credentials")
    public Response create(@Valid @ConvertGroup(from = Default.class, to = WebhookRequest.Complete.class) @NotNull WebhookRequest request,
                           @Context UriInfo uri) {
        CreatedWebhook created = registry.register(Callers.tenant(http), request.changes());
        return Response.created(uri.getAbsolutePathBuilder().path(created.endpoint().getId().toString()).build())
                .entity(WebhookView.withSecret(created)).build();
    }

    @GET
    @Operation(summary = "List this client's webhooks, newest first")
    public PagedResponse<WebhookView> list(@QueryParam("offset") String offset, @QueryParam("limit") String limit,
                                           @Context UriInfo uri) {
        Paging paging = Paging.of(offset, limit);
        return PagedResponse.of(registry.list(Callers.tenant(http), paging.offset(), paging.limit()).map(WebhookView::of), uri);
    }

    @GET
    @Path("event-types")
    @Operation(summary = "The event types a webhook can subscribe to (\"*\" subscribes to all, including later ones)",
            description = "Besides these, ping is sent by POST /api/webhooks/{id}/test/ whatever the subscription, and a "
                    + "webhook.disabled entry is written to a webhook's log (never sent) when FaceGate disables it.")
    public List<EventTypeView> eventTypes() {
        return eventTypes.subscribable().entrySet().stream().map(e -> new EventTypeView(e.getKey(), e.getValue())).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get one webhook (never its secret or bearer token)")
    @APIResponse(responseCode = "404", description = "No such webhook for this client")
    public WebhookView get(@PathParam("id") String id) {
        return WebhookView.of(registry.find(Callers.tenant(http), webhookId(id)));
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace a webhook's settings",
            description = "url and events are required; description, is_active and format take their defaults when left out; "
                    + "bearer_token is write-only: left out it is kept, \"\" removes it.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "webhook", value = CREATE_EXAMPLE)))
    public WebhookView replace(@PathParam("id") String id,
                               @Valid @ConvertGroup(from = Default.class, to = WebhookRequest.Complete.class) @NotNull WebhookRequest request) {
        return WebhookView.of(registry.update(Callers.tenant(http), webhookId(id), request.replacement()));
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "Change some of a webhook's settings",
            description = "Fields left out are kept. is_active false cancels the deliveries still to be sent (they stay in the "
                    + "log and can be replayed); true resumes a webhook FaceGate disabled.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "pause",
            value = "{\"is_active\": false}")))
    public WebhookView update(@PathParam("id") String id, @Valid @NotNull WebhookRequest request) {
        return WebhookView.of(registry.update(Callers.tenant(http), webhookId(id), request.changes()));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a webhook and its delivery log")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id) {
        registry.delete(Callers.tenant(http), webhookId(id));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/rotate-secret")
    @Operation(summary = "Replace the signing secret; the new one is in the answer, shown this once",
            description = "During the overlap (overlap_minutes, default 1440, at most 10080) every delivery carries two "
                    + "signatures in webhook-signature, one per secret, so receivers can switch when they are ready.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "overlap",
            value = "{\"overlap_minutes\": 1440}")))
    @APIResponse(responseCode = "400", description = "overlap_minutes is not between 0 and 10080 (invalid_overlap)")
    public WebhookView rotateSecret(@PathParam("id") String id, String body) {
        // The body is optional, which a bound entity parameter cannot be (an empty one is a 400).
        RotateSecretRequest request = body == null || body.isBlank() ? null : JsonConfiguration.jsonb().fromJson(body, RotateSecretRequest.class);
        Integer minutes = request == null ? null : request.overlapMinutes();
        return WebhookView.withSecret(registry.rotateSecret(Callers.tenant(http), webhookId(id),
                minutes == null ? null : Duration.ofMinutes(minutes)));
    }

    @POST
    @Path("{id}/test")
    @Operation(summary = "Send a ping event now and return the receiver's answer",
            description = "Signed like every delivery, logged as a ping delivery, never retried; works on inactive webhooks too.")
    public PingView test(@PathParam("id") String id) {
        return PingView.of(registry.ping(Callers.tenant(http), webhookId(id)));
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(summary = "The webhook's delivery log, newest first",
            description = "Statuses: pending (waiting for its next attempt), sending, succeeded, failed (given up), cancelled "
                    + "(the webhook was deactivated or disabled), notice (webhook.disabled, never sent).")
    @APIResponse(responseCode = "400", description = "A filter or paging value is malformed")
    public PagedResponse<DeliveryView> deliveries(
            @PathParam("id") String id,
            @Parameter(description = "an event type, e.g. authentication.completed") @QueryParam("event") String event,
            @Parameter(description = "pending, sending, succeeded, failed, cancelled or notice") @QueryParam("status") String status,
            @Parameter(description = "created at or after, e.g. 2025-10-12T00:00:00Z or 2025-10-12") @QueryParam("from") String from,
            @Parameter(description = "created at or before, e.g. 2025-10-12T23:59:59Z or 2025-10-12 (the whole day)") @QueryParam("to") String to,
            @QueryParam("offset") String offset,
            @QueryParam("limit") String limit,
            @Context UriInfo uri) {
        DeliveryFilter filter = DeliveryFilter.parse(event, status, from, to);
        Paging paging = Paging.of(offset, limit);
        return PagedResponse.of(log.list(Callers.tenant(http), webhookId(id), filter, paging.offset(), paging.limit())
                .map(DeliveryView::summary), uri);
    }

    @GET
    @Path("{id}/deliveries/{delivery_id}")
    @Operation(summary = "One delivery: the exact payload sent and every attempt (status, latency, answer excerpt, error, next attempt)")
    @APIResponse(responseCode = "200", description = "The delivery",
            content = @Content(examples = @ExampleObject(name = "delivery", value = DELIVERY_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such delivery of this webhook")
    public DeliveryView delivery(@PathParam("id") String id, @PathParam("delivery_id") String deliveryId) {
        return DeliveryView.detail(log.find(Callers.tenant(http), webhookId(id), Ids.parse(deliveryId, "delivery")));
    }

    @POST
    @Path("{id}/deliveries/{delivery_id}/replay")
    @Operation(summary = "Send a finished delivery again, with the same webhook-id, as a new round of retries")
    @APIResponse(responseCode = "202", description = "Queued; follow it in the log")
    @APIResponse(responseCode = "409", description = "Still being sent, a webhook.disabled notice, or the webhook is inactive")
    public Response replay(@PathParam("id") String id, @PathParam("delivery_id") String deliveryId) {
        return Response.accepted(DeliveryView.summary(log.replay(Callers.tenant(http), webhookId(id),
                Ids.parse(deliveryId, "delivery")))).build();
    }

    private static UUID webhookId(String id) {
        return Ids.parse(id, "webhook");
    }
}
