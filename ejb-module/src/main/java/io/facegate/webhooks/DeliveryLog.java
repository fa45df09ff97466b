package io.facegate.webhooks;

import io.facegate.domain.webhooks.WebhookAttempt;
import io.facegate.domain.webhooks.WebhookDelivery;
import io.facegate.domain.webhooks.WebhookEndpoint;
import io.facegate.system.AfterCommit;
import io.facegate.system.ErrorKind;
import io.facegate.system.FaceGateException;
import io.facegate.system.FilteredListing;
import io.facegate.system.Page;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.UUID;

/**
 * An endpoint's deliveries and their attempts, and replays. Scoped like the endpoints: another
 * client's endpoint, or a delivery of another endpoint, is a 404 like a missing one.
 */
@Stateless
public class DeliveryLog {

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    @Inject
    WebhookRegistry registry;

    @Inject
    AfterCommit afterCommit;

    @Inject
    WebhookDispatcher dispatcher;

    /** Newest first. */
    public Page<WebhookDelivery> list(UUID clientId, UUID webhookId, DeliveryFilter filter, int offset, int limit) {
        WebhookEndpoint endpoint = registry.find(clientId, webhookId);
        return FilteredListing.of(WebhookDelivery.class, "d")
                .filter("d.endpointId = :endpointId", "endpointId", endpoint.getId())
                .filter("d.eventType = :eventType", "eventType", filter.eventType())
                .filter("d.status = :status", "status", filter.status())
                .filter("d.createdAt >= :from", "from", filter.period().from())
                .filter("d.createdAt <= :to", "to", filter.period().to())
                .page(em, "d.createdAt desc, d.id", offset, limit);
    }

    public DeliveryRecord find(UUID clientId, UUID webhookId, UUID deliveryId) {
        WebhookDelivery delivery = delivery(clientId, webhookId, deliveryId);
        return new DeliveryRecord(delivery, em.createNamedQuery(WebhookAttempt.OF_DELIVERY, WebhookAttempt.class)
                .setParameter("deliveryId", deliveryId).getResultList());
    }

    /**
     * Sends a finished delivery again, with the same {@code webhook-id} (so a receiver that already
     * has it can tell), as a new round of the retry schedule.
     */
    public WebhookDelivery replay(UUID clientId, UUID webhookId, UUID deliveryId) {
        WebhookDelivery delivery = delivery(clientId, webhookId, deliveryId);
        if (!registry.find(clientId, webhookId).isActive()) {
            throw new FaceGateException(ErrorKind.CONFLICT, "webhook_inactive", "the webhook is not active: activate it to replay");
        }
        if (delivery.getStatus().isOutstanding()) {
            throw new FaceGateException(ErrorKind.CONFLICT, "delivery_outstanding",
                    "the delivery is still being sent (status " + delivery.getStatus().apiName() + ")");
        }
        try {
            delivery.replay(Instant.now());
        } catch (IllegalStateException e) {
            throw new FaceGateException(ErrorKind.CONFLICT, "not_replayable", "a " + delivery.getEventType() + " entry is never sent");
        }
        afterCommit.run("wake the webhook dispatcher", dispatcher::wake);
        return delivery;
    }

    private WebhookDelivery delivery(UUID clientId, UUID webhookId, UUID deliveryId) {
        WebhookEndpoint endpoint = registry.find(clientId, webhookId);
        WebhookDelivery delivery = em.find(WebhookDelivery.class, deliveryId);
        if (delivery == null || !delivery.getEndpointId().equals(endpoint.getId())) {
            throw FaceGateException.notFound("delivery");
        }
        return delivery;
    }
}
