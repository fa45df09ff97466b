package io.facegate.domain.webhooks;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Where one client wants to be told about its events: a URL, the event types it subscribed to, the
 * body format, and the sealed signing secret(s) and bearer token. It also remembers since when its
 * deliveries have been failing, and why FaceGate disabled it, if it did.
 */
@Entity
@Table(name = "webhook_endpoint")
@NamedQuery(name = WebhookEndpoint.COUNT_OF_CLIENT, query = "select count(e) from WebhookEndpoint e where e.clientId = :clientId")
@NamedQuery(name = WebhookEndpoint.ACTIVE_OF_CLIENT, query = "select e from WebhookEndpoint e where e.clientId = :clientId"
        + " and e.active = true")
public class WebhookEndpoint {

    public static final String COUNT_OF_CLIENT = "WebhookEndpoint.countOfClient";
    public static final String ACTIVE_OF_CLIENT = "WebhookEndpoint.activeOfClient";
    /** Subscribes to every event type, including those added later. */
    public static final String ALL_EVENTS = "*";
    public static final int MAX_URL_LENGTH = 2048;
    public static final int MAX_DESCRIPTION_LENGTH = 500;

    @Id
    private UUID id;

    @Column(name = "client_id", nullable = false, updatable = false)
    private UUID clientId;

    @Column(nullable = false)
    private String url;

    @Column
    private String description;

    @Column(nullable = false)
    @Convert(converter = EventTypesConverter.class)
    private List<String> events;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private WebhookFormat format;

    @Column(name = "is_active", nullable = false)
    private boolean active;

    @Column(name = "signing_secret_sealed", nullable = false)
    private String signingSecretSealed;

    @Column(name = "previous_secret_sealed")
    private String previousSecretSealed;

    @Column(name = "previous_secret_expires_at")
    private Instant previousSecretExpiresAt;

    @Column(name = "bearer_token_sealed")
    private String bearerTokenSealed;

    @Column(name = "failing_since")
    private Instant failingSince;

    @Enumerated(EnumType.STRING)
    @Column(name = "disabled_reason")
    private DisabledReason disabledReason;

    @Column(name = "disabled_at")
    private Instant disabledAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected WebhookEndpoint() {
        // for JPA
    }

    /**
     * @param url                 a URL the egress policy accepted
     * @param signingSecretSealed the sealed {@code whsec_} secret
     * @param bearerTokenSealed   the sealed bearer token, or null for none
     */
    public WebhookEndpoint(UUID clientId, String url, String description, List<String> events, WebhookFormat format,
                           boolean active, String signingSecretSealed, String bearerTokenSealed, Instant now) {
        this.id = UUID.randomUUID();
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.signingSecretSealed = Objects.requireNonNull(signingSecretSealed, "signingSecretSealed");
        this.bearerTokenSealed = bearerTokenSealed;
        this.createdAt = Objects.requireNonNull(now, "now");
        retarget(url, now);
        describe(description, now);
        subscribe(events, now);
        useFormat(format, now);
        this.active = active;
    }

    public void retarget(String newUrl, Instant now) {
        String value = Objects.requireNonNull(newUrl, "url").strip();
        if (value.isEmpty() || value.length() > MAX_URL_LENGTH) {
            throw new IllegalArgumentException("url must have 1 to " + MAX_URL_LENGTH + " characters");
        }
        this.url = value;
        touch(now);
    }

    /** @param newDescription null or blank for none */
    public void describe(String newDescription, Instant now) {
        String value = newDescription == null || newDescription.isBlank() ? null : newDescription.strip();
        if (value != null && value.length() > MAX_DESCRIPTION_LENGTH) {
            throw new IllegalArgumentException("description must have at most " + MAX_DESCRIPTION_LENGTH + " characters");
        }
        this.description = value;
        touch(now);
    }

    /** @param types event type names, or {@value #ALL_EVENTS}; duplicates are dropped, order kept */
    public void subscribe(List<String> types, Instant now) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(Objects.requireNonNull(types, "events")));
        if (distinct.isEmpty()) {
            throw new IllegalArgumentException("events must name at least one event type (or \"*\")");
        }
        this.events = List.copyOf(distinct);
        touch(now);
    }

    public void useFormat(WebhookFormat newFormat, Instant now) {
        this.format = Objects.requireNonNull(newFormat, "format");
        touch(now);
    }

    /** @param sealed the sealed token, or null to send none */
    public void useBearerToken(String sealed, Instant now) {
        this.bearerTokenSealed = sealed;
        touch(now);
    }

    /**
     * Replaces the signing secret. For {@code overlap} the previous one signs too (receivers may
     * still verify with it); with no overlap it stops at once.
     */
    public void rotateSecret(String newSecretSealed, Duration overlap, Instant now) {
        if (overlap.isNegative()) {
            throw new IllegalArgumentException("overlap must not be negative");
        }
        boolean overlapping = !overlap.isZero();
        this.previousSecretSealed = overlapping ? signingSecretSealed : null;
        this.previousSecretExpiresAt = overlapping ? now.plus(overlap) : null;
        this.signingSecretSealed = Objects.requireNonNull(newSecretSealed, "newSecretSealed");
        touch(now);
    }

    /** The sealed secrets that sign a delivery sent at {@code now}: the current one, then the previous during its overlap. */
    public List<String> signingSecretsSealed(Instant now) {
        return previousSecretSealed != null && previousSecretExpiresAt.isAfter(now)
                ? List.of(signingSecretSealed, previousSecretSealed)
                : List.of(signingSecretSealed);
    }

    /** A client turns its endpoint on: whatever FaceGate had disabled it for is forgotten. */
    public void activate(Instant now) {
        this.active = true;
        this.disabledReason = null;
        this.disabledAt = null;
        this.failingSince = null;
        touch(now);
    }

    /** A client turns its endpoint off. */
    public void deactivate(Instant now) {
        this.active = false;
        touch(now);
    }

    /** FaceGate turns the endpoint off by itself. */
    public void disable(DisabledReason reason, Instant now) {
        this.active = false;
        this.disabledReason = Objects.requireNonNull(reason, "reason");
        this.disabledAt = now;
        touch(now);
    }

    public void recordSuccess() {
        this.failingSince = null;
    }

    /**
     * Records a failed attempt; whether the endpoint has now failed for {@code disableAfter}
     * without a success in between (and should be disabled).
     */
    public boolean recordFailure(Instant now, Duration disableAfter) {
        if (failingSince == null) {
            failingSince = now;
        }
        return !now.isBefore(failingSince.plus(disableAfter));
    }

    public boolean subscribes(String eventType) {
        return events.contains(ALL_EVENTS) || events.contains(eventType);
    }

    public boolean belongsTo(UUID client) {
        return clientId.equals(client);
    }

    private void touch(Instant now) {
        this.updatedAt = now;
    }

    public UUID getId() {
        return id;
    }

    public UUID getClientId() {
        return clientId;
    }

    public String getUrl() {
        return url;
    }

    public String getDescription() {
        return description;
    }

    public List<String> getEvents() {
        return events;
    }

    public WebhookFormat getFormat() {
        return format;
    }

    public boolean isActive() {
        return active;
    }

    public String getBearerTokenSealed() {
        return bearerTokenSealed;
    }

    public Instant getPreviousSecretExpiresAt() {
        return previousSecretExpiresAt;
    }

    public Instant getFailingSince() {
        return failingSince;
    }

    public DisabledReason getDisabledReason() {
        return disabledReason;
    }

    public Instant getDisabledAt() {
        return disabledAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
