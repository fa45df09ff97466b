package io.facegate.domain.webhooks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One event for one endpoint, in the outbox until it is delivered or given up, then in the
 * endpoint's log. Its id is the {@code webhook-id} header of every attempt, so a receiver can
 * recognise a retry or a replay of something it already has.
 */
@Entity
@Table(name = "webhook_delivery")
@NamedQuery(name = WebhookDelivery.WITH_IDS, query = "select d from WebhookDelivery d where d.id in :ids")
@NamedQuery(name = WebhookDelivery.CANCEL_OUTSTANDING, query = "update WebhookDelivery d set d.status ="
        + " io.facegate.domain.webhooks.DeliveryStatus.CANCELLED, d.nextAttemptAt = null, d.lastError = :reason"
        + " where d.endpointId = :endpointId and d.status in (io.facegate.domain.webhooks.DeliveryStatus.PENDING,"
        + " io.facegate.domain.webhooks.DeliveryStatus.SENDING)")
@NamedQuery(name = WebhookDelivery.DEFER_DUE, query = "update WebhookDelivery d set d.nextAttemptAt = :until"
        + " where d.endpointId = :endpointId and d.status = io.facegate.domain.webhooks.DeliveryStatus.PENDING"
        + " and d.nextAttemptAt < :until")
@NamedQuery(name = WebhookDelivery.DELETE_FINISHED_BEFORE, query = "delete from WebhookDelivery d where d.createdAt < :cutoff"
        + " and d.status not in (io.facegate.domain.webhooks.DeliveryStatus.PENDING, io.facegate.domain.webhooks.DeliveryStatus.SENDING)")
public class WebhookDelivery {

    public static final String WITH_IDS = "WebhookDelivery.withIds";
    public static final String CANCEL_OUTSTANDING = "WebhookDelivery.cancelOutstanding";
    public static final String DEFER_DUE = "WebhookDelivery.deferDue";
    public static final String DELETE_FINISHED_BEFORE = "WebhookDelivery.deleteFinishedBefore";
    public static final int MAX_ERROR_LENGTH = 1000;

    @Id
    private UUID id;

    @Column(name = "endpoint_id", nullable = false, updatable = false)
    private UUID endpointId;

    @Column(name = "event_type", nullable = false, updatable = false)
    private String eventType;

    @Column(nullable = false, updatable = false)
    private String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeliveryStatus status;

    @Column(name = "attempt_count", nullable = false)
    private int attemptCount;

    @Column(name = "round_attempts", nullable = false)
    private int roundAttempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;

    @Column(name = "last_status_code")
    private Integer lastStatusCode;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected WebhookDelivery() {
        // for JPA
    }

    private WebhookDelivery(UUID endpointId, String eventType, String payload, DeliveryStatus status, Instant nextAttemptAt,
                            Instant now) {
        this.id = UUID.randomUUID();
        this.endpointId = Objects.requireNonNull(endpointId, "endpointId");
        this.eventType = Objects.requireNonNull(eventType, "eventType");
        this.payload = Objects.requireNonNull(payload, "payload");
        this.status = status;
        this.nextAttemptAt = nextAttemptAt;
        this.createdAt = Objects.requireNonNull(now, "now");
    }

    /** A delivery for the outbox, due at once. */
    public static WebhookDelivery queued(UUID endpointId, String eventType, String payload, Instant now) {
        return new WebhookDelivery(endpointId, eventType, payload, DeliveryStatus.PENDING, now, now);
    }

    /** A delivery its creator sends itself right away (a test ping); the outbox takes it over after {@code leaseUntil}. */
    public static WebhookDelivery claimed(UUID endpointId, String eventType, String payload, Instant now, Instant leaseUntil) {
        return new WebhookDelivery(endpointId, eventType, payload, DeliveryStatus.SENDING, leaseUntil, now);
    }

    /** An entry of the endpoint's log that is never sent. */
    public static WebhookDelivery notice(UUID endpointId, String eventType, String payload, Instant now) {
        return new WebhookDelivery(endpointId, eventType, payload, DeliveryStatus.NOTICE, null, now);
    }

    /** Takes it for sending: no other dispatcher claims it until {@code leaseUntil} (after which it is due again). */
    public void claim(Instant leaseUntil) {
        if (!status.isOutstanding()) {
            throw new IllegalStateException("only an outstanding delivery can be claimed");
        }
        status = DeliveryStatus.SENDING;
        nextAttemptAt = Objects.requireNonNull(leaseUntil, "leaseUntil");
    }

    /** Why the next attempt happens: a replay's first attempt, or the schedule. */
    public AttemptTrigger nextTrigger() {
        return roundAttempts == 0 && attemptCount > 0 ? AttemptTrigger.REPLAY : AttemptTrigger.SCHEDULED;
    }

    /**
     * Logs one attempt and moves the delivery on: delivered when the receiver accepted it, else
     * due again at {@code nextAttempt}, or failed for good when that is null.
     */
    public WebhookAttempt recordAttempt(AttemptTrigger trigger, Instant startedAt, double latencyMs, Integer statusCode,
                                        String responseExcerpt, String error, boolean accepted, Instant nextAttempt) {
        if (status == DeliveryStatus.NOTICE) {
            throw new IllegalStateException("a notice is never sent");
        }
        attemptCount++;
        roundAttempts++;
        lastAttemptAt = startedAt;
        lastStatusCode = statusCode;
        lastError = cut(error);
        Instant next = accepted ? null : nextAttempt;
        status = accepted ? DeliveryStatus.SUCCEEDED : next != null ? DeliveryStatus.PENDING : DeliveryStatus.FAILED;
        nextAttemptAt = next;
        return new WebhookAttempt(id, attemptCount, trigger, startedAt, latencyMs, statusCode, responseExcerpt, lastError, next);
    }

    /** Sends it again, with the same id, as a new round of the retry schedule. */
    public void replay(Instant now) {
        if (status.isOutstanding() || status == DeliveryStatus.NOTICE) {
            throw new IllegalStateException("only a finished delivery can be replayed");
        }
        status = DeliveryStatus.PENDING;
        roundAttempts = 0;
        nextAttemptAt = now;
    }

    /** Gives an unsent claimed delivery back to the outbox, due at {@code at}, without counting an attempt. */
    public void release(Instant at) {
        if (status.isOutstanding()) {
            status = DeliveryStatus.PENDING;
            nextAttemptAt = Objects.requireNonNull(at, "at");
        }
    }

    /** Stops an outstanding delivery (its endpoint was switched off). */
    public void cancel(String reason) {
        if (status.isOutstanding()) {
            status = DeliveryStatus.CANCELLED;
            nextAttemptAt = null;
            lastError = cut(reason);
        }
    }

    private static String cut(String text) {
        return text == null || text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }

    public UUID getId() {
        return id;
    }

    public UUID getEndpointId() {
        return endpointId;
    }

    public String getEventType() {
        return eventType;
    }

    public String getPayload() {
        return payload;
    }

    public DeliveryStatus getStatus() {
        return status;
    }

    public int getAttemptCount() {
        return attemptCount;
    }

    public int getRoundAttempts() {
        return roundAttempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant getLastAttemptAt() {
        return lastAttemptAt;
    }

    public Integer getLastStatusCode() {
        return lastStatusCode;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
