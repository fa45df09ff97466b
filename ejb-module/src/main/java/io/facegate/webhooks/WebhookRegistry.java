package io.facegate.webhooks;

import io.facegate.crypto.MasterKey;
import io.facegate.domain.webhooks.WebhookEndpoint;
import io.facegate.domain.webhooks.WebhookFormat;
import io.facegate.egress.EgressPolicy;
import io.facegate.egress.EgressTarget;
import io.facegate.system.ErrorKind;
import io.facegate.system.FaceGateException;
import io.facegate.system.FilteredListing;
import io.facegate.system.Page;
import io.facegate.system.SecretRotated;
import io.facegate.system.SettingsChanged;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A client's webhook endpoints. Every operation takes the caller's client id: another client's
 * endpoint is indistinguishable from a missing one.
 */
@Stateless
public class WebhookRegistry {

    /** Every event is written once per subscribed endpoint, in the fact's transaction: a bound on the fan-out. */
    public static final int MAX_WEBHOOKS_PER_CLIENT = 50;
    public static final Duration DEFAULT_SECRET_OVERLAP = Duration.ofHours(24);
    /** A week. */
    public static final long MAX_SECRET_OVERLAP_MINUTES = 7 * 24 * 60;

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    @Inject
    Event<SettingsChanged> settingsChanged;

    @Inject
    Event<SecretRotated> secretRotated;

    @Inject
    EgressPolicy egress;

    @Inject
    MasterKey masterKey;

    @Inject
    WebhookEventTypes eventTypes;

    @Inject
    WebhookOutbox outbox;

    @Inject
    WebhookSender sender;

    /** A new endpoint, with its signing secret (shown once). {@code url} and {@code events} are required. */
    public CreatedWebhook register(UUID clientId, WebhookChanges spec) {
        long existing = em.createNamedQuery(WebhookEndpoint.COUNT_OF_CLIENT, Long.class).setParameter("clientId", clientId).getSingleResult();
        if (existing >= MAX_WEBHOOKS_PER_CLIENT) {
            throw new FaceGateException(ErrorKind.CONFLICT, "webhook_limit_reached",
                    "a client may have at most " + MAX_WEBHOOKS_PER_CLIENT + " webhooks", Map.of("limit", MAX_WEBHOOKS_PER_CLIENT));
        }
        String secret = WebhookSignature.newSecret();
        WebhookEndpoint endpoint = valid(() -> new WebhookEndpoint(clientId, checkedUrl(spec.url()), spec.description(),
                eventTypes.check(spec.events()), spec.format() == null ? WebhookFormat.STANDARD : spec.format(),
                spec.active() == null || spec.active(), masterKey.sealText(secret), sealedToken(spec.bearerToken()), Instant.now()));
        em.persist(endpoint);
        settingsChanged.fire(new SettingsChanged(clientId, "webhook", endpoint.getId(), "created", spec.fieldsSet(), Instant.now()));
        return new CreatedWebhook(endpoint, secret);
    }

    public WebhookEndpoint find(UUID clientId, UUID webhookId) {
        WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, webhookId);
        if (endpoint == null || !endpoint.belongsTo(clientId)) {
            throw FaceGateException.notFound("webhook");
        }
        return endpoint;
    }

    /** Newest first. */
    public Page<WebhookEndpoint> list(UUID clientId, int offset, int limit) {
        return FilteredListing.of(WebhookEndpoint.class, "e")
                .filter("e.clientId = :clientId", "clientId", clientId)
                .page(em, "e.createdAt desc, e.id", offset, limit);
    }

    /**
     * Applies the changes that are set. Deactivating cancels what the endpoint still had to send
     * (it stays in the log, replayable); activating clears whatever FaceGate had disabled it for.
     */
    public WebhookEndpoint update(UUID clientId, UUID webhookId, WebhookChanges changes) {
        WebhookEndpoint endpoint = find(clientId, webhookId);
        Instant now = Instant.now();
        valid(() -> {
            if (changes.url() != null) {
                endpoint.retarget(checkedUrl(changes.url()), now);
            }
            if (changes.events() != null) {
                endpoint.subscribe(eventTypes.check(changes.events()), now);
            }
            if (changes.description() != null) {
                endpoint.describe(changes.description(), now);
            }
            if (changes.format() != null) {
                endpoint.useFormat(changes.format(), now);
            }
            if (changes.bearerToken() != null) {
                endpoint.useBearerToken(sealedToken(changes.bearerToken()), now);
            }
            return endpoint;
        });
        if (Boolean.TRUE.equals(changes.active()) && !endpoint.isActive()) {
            endpoint.activate(now);
        } else if (Boolean.FALSE.equals(changes.active()) && endpoint.isActive()) {
            endpoint.deactivate(now);
            outbox.cancelOutstanding(endpoint.getId(), "the webhook was deactivated");
        }
        settingsChanged.fire(new SettingsChanged(clientId, "webhook", webhookId, "updated", changes.fieldsSet(), now));
        return endpoint;
    }

    /** Deletes the endpoint and its delivery log. */
    public void delete(UUID clientId, UUID webhookId) {
        em.remove(find(clientId, webhookId));
        settingsChanged.fire(new SettingsChanged(clientId, "webhook", webhookId, "deleted", List.of(), Instant.now()));
    }

    /**
     * A new signing secret (shown once). For {@code overlap} (null: {@link #DEFAULT_SECRET_OVERLAP})
     * deliveries carry signatures with both, so receivers can switch at their pace.
     */
    public CreatedWebhook rotateSecret(UUID clientId, UUID webhookId, Duration overlap) {
        Duration period = overlap == null ? DEFAULT_SECRET_OVERLAP : overlap;
        if (period.isNegative() || period.toMinutes() > MAX_SECRET_OVERLAP_MINUTES) {
            throw FaceGateException.invalid("invalid_overlap", "the overlap must be between 0 and "
                    + MAX_SECRET_OVERLAP_MINUTES + " minutes");
        }
        WebhookEndpoint endpoint = find(clientId, webhookId);
        String secret = WebhookSignature.newSecret();
        endpoint.rotateSecret(masterKey.sealText(secret), period, Instant.now());
        secretRotated.fire(new SecretRotated(clientId, "webhook_secret", webhookId, Instant.now()));
        return new CreatedWebhook(endpoint, secret);
    }

    /**
     * Sends a {@code ping} now and returns what the receiver answered (also in the log). It is
     * never retried and changes nothing about the endpoint, active or not.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public PingResult ping(UUID clientId, UUID webhookId) {
        ClaimedBatch ping = outbox.openPing(clientId, webhookId);
        OutgoingDelivery delivery = ping.deliveries().get(0);
        AttemptResult result = sender.send(ping.target(), delivery);
        outbox.recordPing(delivery.id(), result);
        return new PingResult(delivery.id(), result);
    }

    /**
     * The URL as the egress policy accepted it (422 {@code egress_refused} otherwise). Credentials
     * in the URL are refused: they would show in every listing; {@code bearer_token} is write-only.
     */
    private String checkedUrl(String url) {
        URI uri = egress.checkUrl(EgressTarget.WEBHOOK, url);
        if (uri.getRawUserInfo() != null) {
            throw new FaceGateException(ErrorKind.UNPROCESSABLE, "invalid_url",
                    "the URL must not contain credentials: send a bearer_token instead", Map.of("field", "url"));
        }
        return uri.toString();
    }

    private String sealedToken(String bearerToken) {
        return bearerToken == null || bearerToken.isBlank() ? null : masterKey.sealText(bearerToken.strip());
    }

    /** The entity's own checks (lengths, an empty subscription) as a 400. */
    private static <T> T valid(Supplier<T> change) {
        try {
            return change.get();
        } catch (IllegalArgumentException e) {
            throw FaceGateException.invalid("invalid_webhook", e.getMessage());
        }
    }
}
