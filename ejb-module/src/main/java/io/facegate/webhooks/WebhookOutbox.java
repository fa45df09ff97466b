package io.facegate.webhooks;

import io.facegate.crypto.MasterKey;
import io.facegate.domain.webhooks.AttemptTrigger;
import io.facegate.domain.webhooks.DisabledReason;
import io.facegate.domain.webhooks.WebhookDelivery;
import io.facegate.domain.webhooks.WebhookEndpoint;
import io.facegate.domain.webhooks.WebhookFormat;
import io.facegate.system.AfterCommit;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The transactional outbox in PostgreSQL. Deliveries are written in the transaction of the fact
 * they report ({@link #enqueue}), claimed by dispatchers with {@code FOR UPDATE SKIP LOCKED} (so
 * several servers on one database never claim the same row), and their attempts recorded
 * afterwards; the HTTP calls in between run outside any transaction.
 */
@Stateless
public class WebhookOutbox {

    /**
     * Deliveries claimed at once. An endpoint's are sent one after the other, so the more of them
     * wait, the more one round trip to the database carries.
     */
    static final int CLAIM_SIZE = 50;

    private static final Logger LOG = Logger.getLogger(WebhookOutbox.class.getName());

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    @Inject
    WebhookSettings settings;

    @Inject
    MasterKey masterKey;

    @Inject
    AfterCommit afterCommit;

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    WebhookRegistry registry;

    /**
     * Writes a delivery of the event for each active endpoint of its client subscribed to it, in the
     * caller's transaction (the fact's): a rolled-back fact sends nothing, a committed one is never
     * lost. The dispatcher is woken once it has committed.
     */
    public void enqueue(WebhookEvent event) {
        Instant now = Instant.now();
        List<WebhookEndpoint> subscribed = em.createNamedQuery(WebhookEndpoint.ACTIVE_OF_CLIENT, WebhookEndpoint.class)
                .setParameter("clientId", event.clientId())
                .getResultStream()
                .filter(endpoint -> endpoint.subscribes(event.type()))
                .toList();
        for (WebhookEndpoint endpoint : subscribed) {
            em.persist(WebhookDelivery.queued(endpoint.getId(), event.type(), event.body(endpoint.getFormat()), now));
        }
        if (!subscribed.isEmpty()) {
            afterCommit.run("wake the webhook dispatcher", dispatcher::wake);
        }
    }

    /**
     * Claims due deliveries, oldest first, of at most {@code endpoints} endpoints not in {@code busy}
     * (those this server is sending to already), until a lease long enough to send the largest
     * batch one after the other, each attempt taking the longest it may: a server that dies
     * mid-batch delays its deliveries by that much, and no other server sends them meanwhile. A
     * delivery whose endpoint is no longer active is cancelled instead.
     */
    @SuppressWarnings("unchecked")
    public List<ClaimedBatch> claim(Set<UUID> busy, int endpoints, Instant now) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(Timestamp.from(now));
        StringBuilder sql = new StringBuilder("select * from webhook_delivery where status in ('PENDING', 'SENDING')"
                + " and next_attempt_at <= ?1");
        if (!busy.isEmpty()) {
            sql.append(" and endpoint_id not in (");
            for (UUID endpoint : busy) {
                parameters.add(endpoint);
                sql.append(parameters.size() > 2 ? ", ?" : "?").append(parameters.size());
            }
            sql.append(')');
        }
        // CLAIM_SIZE is a constant: inlining it lets PostgreSQL stop at the first rows of the index.
        sql.append(" order by next_attempt_at, created_at limit ").append(CLAIM_SIZE).append(" for update skip locked");
        Query query = em.createNativeQuery(sql.toString(), WebhookDelivery.class);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        Map<UUID, List<WebhookDelivery>> byEndpoint = new LinkedHashMap<>();
        for (WebhookDelivery delivery : (List<WebhookDelivery>) query.getResultList()) {
            if (byEndpoint.containsKey(delivery.getEndpointId()) || byEndpoint.size() < endpoints) {
                byEndpoint.computeIfAbsent(delivery.getEndpointId(), id -> new ArrayList<>()).add(delivery);
            }
        }
        int largest = byEndpoint.values().stream().mapToInt(List::size).max().orElse(0);
        Instant leaseUntil = now.plus(lease(largest));
        List<ClaimedBatch> batches = new ArrayList<>();
        byEndpoint.forEach((endpointId, deliveries) -> {
            WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, endpointId);
            if (endpoint == null) {
                return; // being deleted, and its deliveries with it
            }
            if (!endpoint.isActive()) {
                deliveries.forEach(delivery -> delivery.cancel("the webhook is not active"));
                return;
            }
            List<OutgoingDelivery> outgoing = new ArrayList<>();
            for (WebhookDelivery delivery : deliveries) {
                AttemptTrigger trigger = delivery.nextTrigger();
                delivery.claim(leaseUntil);
                outgoing.add(new OutgoingDelivery(delivery.getId(), delivery.getEventType(), delivery.getPayload(), trigger));
            }
            batches.add(new ClaimedBatch(target(endpoint, now), outgoing));
        });
        return batches;
    }

    /**
     * Logs the attempts of one endpoint's batch and decides what follows: a success clears the
     * endpoint's failing streak; a 410 disables it; any other failure schedules a retry (or fails the
     * delivery for good), defers the endpoint's other due deliveries until then (so a dead receiver
     * costs one attempt per retry, not one per waiting delivery), and disables an endpoint that has
     * failed for too long.
     *
     * @param unsent claimed deliveries not sent (after a failure, or on shutdown): back to the outbox
     */
    public void record(UUID endpointId, List<SentDelivery> sent, List<UUID> unsent, Instant now) {
        WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, endpointId);
        if (endpoint == null) {
            return; // deleted, with its deliveries, while they were being sent
        }
        Map<UUID, WebhookDelivery> deliveries = load(sent.stream().map(send -> send.delivery().id()).toList());
        Instant retryAt = null;
        for (SentDelivery send : sent) {
            WebhookDelivery delivery = deliveries.get(send.delivery().id());
            if (delivery == null) {
                continue;
            }
            AttemptResult result = send.result();
            boolean failure = !result.accepted() && !result.gone() && endpoint.isActive();
            boolean failedTooLong = failure && endpoint.recordFailure(now, settings.disableAfter());
            Instant next = failure && !failedTooLong ? settings.retrySchedule().nextAttempt(delivery.getRoundAttempts() + 1, now,
                    result.retryAfter(), ThreadLocalRandom.current()::nextDouble).orElse(null) : null;
            em.persist(delivery.recordAttempt(send.delivery().trigger(), result.startedAt(), result.latencyMs(), result.statusCode(),
                    result.responseExcerpt(), result.error(), result.accepted(), next));
            if (result.accepted()) {
                endpoint.recordSuccess();
            } else if (result.gone()) {
                disable(endpoint, DisabledReason.GONE, "the receiver answered 410 Gone", now);
            } else if (failedTooLong) {
                disable(endpoint, DisabledReason.FAILING, "every attempt failed for " + settings.disableAfter().toHours() + " hours", now);
            } else if (failure) {
                retryAt = next;
            }
        }
        release(unsent, retryAt != null ? retryAt : now);
        if (retryAt != null && endpoint.isActive()) {
            em.flush();
            em.createNamedQuery(WebhookDelivery.DEFER_DUE)
                    .setParameter("endpointId", endpointId)
                    .setParameter("until", retryAt)
                    .executeUpdate();
        }
    }

    /** Gives claimed deliveries back unsent, due at {@code at}. */
    private void release(List<UUID> ids, Instant at) {
        load(ids).values().forEach(delivery -> delivery.release(at));
    }

    /** Cancels what the endpoint still had to send; it stays in the log, replayable. */
    public void cancelOutstanding(UUID endpointId, String reason) {
        em.flush();
        em.createNamedQuery(WebhookDelivery.CANCEL_OUTSTANDING)
                .setParameter("endpointId", endpointId)
                .setParameter("reason", reason)
                .executeUpdate();
    }

    /** A {@code ping} to the client's endpoint, claimed for its caller to send at once (whatever the endpoint subscribed to). */
    public ClaimedBatch openPing(UUID clientId, UUID webhookId) {
        WebhookEndpoint endpoint = registry.find(clientId, webhookId);
        Instant now = Instant.now();
        String body = WebhookEvent.of(clientId, WebhookEventTypes.PING, now, EventData.create()
                .put("webhook_id", webhookId)
                .put("message", "A test event from FaceGate: answer with a 2xx status to acknowledge it.")
                .build()).body(endpoint.getFormat());
        WebhookDelivery ping = WebhookDelivery.claimed(endpoint.getId(), WebhookEventTypes.PING, body, now, now.plus(lease(1)));
        em.persist(ping);
        return new ClaimedBatch(target(endpoint, now),
                List.of(new OutgoingDelivery(ping.getId(), WebhookEventTypes.PING, body, AttemptTrigger.TEST)));
    }

    /** Logs a ping's one attempt; it is not retried and does not count towards disabling the endpoint. */
    public void recordPing(UUID deliveryId, AttemptResult result) {
        WebhookDelivery ping = em.find(WebhookDelivery.class, deliveryId);
        if (ping != null) {
            em.persist(ping.recordAttempt(AttemptTrigger.TEST, result.startedAt(), result.latencyMs(), result.statusCode(),
                    result.responseExcerpt(), result.error(), result.accepted(), null));
        }
    }

    /** Long enough to send {@code deliveries} one after the other, each taking the longest it may. */
    private Duration lease(int deliveries) {
        return settings.timeout().multipliedBy(deliveries).plusSeconds(30);
    }

    /** The deliveries of these ids that still exist, in one query. */
    private Map<UUID, WebhookDelivery> load(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createNamedQuery(WebhookDelivery.WITH_IDS, WebhookDelivery.class).setParameter("ids", ids).getResultStream()
                .collect(Collectors.toMap(WebhookDelivery::getId, delivery -> delivery));
    }

    private EndpointTarget target(WebhookEndpoint endpoint, Instant now) {
        return new EndpointTarget(endpoint.getId(), URI.create(endpoint.getUrl()),
                endpoint.signingSecretsSealed(now).stream().map(masterKey::unsealText).toList(),
                endpoint.getBearerTokenSealed() == null ? null : masterKey.unsealText(endpoint.getBearerTokenSealed()));
    }

    private void disable(WebhookEndpoint endpoint, DisabledReason reason, String why, Instant now) {
        Instant failingSince = endpoint.getFailingSince();
        endpoint.disable(reason, now);
        cancelOutstanding(endpoint.getId(), "the webhook was disabled: " + why);
        String notice = WebhookEvent.of(endpoint.getClientId(), WebhookEventTypes.WEBHOOK_DISABLED, now, EventData.create()
                .put("webhook_id", endpoint.getId())
                .put("reason", reason.apiName())
                .put("message", "FaceGate disabled this webhook: " + why + ". Set is_active to true to resume.")
                .put("failing_since", failingSince)
                .put("disabled_at", now)
                .build()).body(WebhookFormat.STANDARD);
        em.persist(WebhookDelivery.notice(endpoint.getId(), WebhookEventTypes.WEBHOOK_DISABLED, notice, now));
        LOG.info(() -> "Webhook " + endpoint.getId() + " of client " + endpoint.getClientId() + " disabled: " + why);
    }
}
