package io.facegate.webhooks;

/**
 * A kind of event endpoints can subscribe to. Each is one small CDI bean that observes its domain
 * event inside the fact's transaction and hands the outbox a {@link WebhookEvent}, so the delivery
 * is committed with the fact or not at all; {@link WebhookEventTypes} finds them all. Adding a type
 * is adding such a bean.
 */
public interface WebhookEventType {

    /** The type's name as subscriptions and payloads spell it, e.g. {@code enrollment.completed}. */
    String name();

    /** One line for the catalogue ({@code GET /api/webhooks/event-types/}). */
    String description();
}
