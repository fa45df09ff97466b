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

/** One try at sending a delivery, as the log shows it. Immutable. */
@Entity
@Table(name = "webhook_attempt")
@NamedQuery(name = WebhookAttempt.OF_DELIVERY, query = "select a from WebhookAttempt a where a.deliveryId = :deliveryId"
        + " order by a.attemptNumber")
public class WebhookAttempt {

    public static final String OF_DELIVERY = "WebhookAttempt.ofDelivery";
    /** The longest answer excerpt kept: 4 KB. */
    public static final int MAX_EXCERPT_LENGTH = 4096;

    @Id
    private UUID id;

    @Column(name = "delivery_id", nullable = false, updatable = false)
    private UUID deliveryId;

    @Column(name = "attempt_number", nullable = false, updatable = false)
    private int attemptNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private AttemptTrigger trigger;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "latency_ms", nullable = false, updatable = false)
    private double latencyMs;

    @Column(name = "status_code", updatable = false)
    private Integer statusCode;

    @Column(name = "response_excerpt", updatable = false)
    private String responseExcerpt;

    @Column(updatable = false)
    private String error;

    @Column(name = "next_attempt_at", updatable = false)
    private Instant nextAttemptAt;

    protected WebhookAttempt() {
        // for JPA
    }

    WebhookAttempt(UUID deliveryId, int attemptNumber, AttemptTrigger trigger, Instant startedAt, double latencyMs,
                   Integer statusCode, String responseExcerpt, String error, Instant nextAttemptAt) {
        if (!(latencyMs >= 0)) {
            throw new IllegalArgumentException("latency must be >= 0 ms: " + latencyMs);
        }
        this.id = UUID.randomUUID();
        this.deliveryId = Objects.requireNonNull(deliveryId, "deliveryId");
        this.attemptNumber = attemptNumber;
        this.trigger = Objects.requireNonNull(trigger, "trigger");
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
        this.latencyMs = latencyMs;
        this.statusCode = statusCode;
        this.responseExcerpt = storable(responseExcerpt);
        this.error = error;
        this.nextAttemptAt = nextAttemptAt;
    }

    /** At most {@value #MAX_EXCERPT_LENGTH} characters, and no NUL, which PostgreSQL text cannot hold. */
    private static String storable(String excerpt) {
        if (excerpt == null) {
            return null;
        }
        String cut = excerpt.length() <= MAX_EXCERPT_LENGTH ? excerpt : excerpt.substring(0, MAX_EXCERPT_LENGTH);
        return cut.replace('\u0000', '\uFFFD');
    }

    public UUID getId() {
        return id;
    }

    public UUID getDeliveryId() {
        return deliveryId;
    }

    public int getAttemptNumber() {
        return attemptNumber;
    }

    public AttemptTrigger getTrigger() {
        return trigger;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public double getLatencyMs() {
        return latencyMs;
    }

    public Integer getStatusCode() {
        return statusCode;
    }

    public String getResponseExcerpt() {
        return responseExcerpt;
    }

    public String getError() {
        return error;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }
}
