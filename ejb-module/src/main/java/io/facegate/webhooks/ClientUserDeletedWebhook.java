package io.facegate.webhooks;

import io.facegate.clients.ClientUserDeleted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** {@code client_user.deleted}, in the erasing transaction. */
@ApplicationScoped
public class ClientUserDeletedWebhook implements WebhookEventType {

    @Inject
    WebhookOutbox outbox;

    @Override
    public String name() {
        return "client_user.deleted";
    }

    @Override
    public String description() {
        return "A person and everything stored of their face were erased";
    }

    void announce(@Observes ClientUserDeleted fact) {
        outbox.enqueue(WebhookEvent.of(fact.clientId(), name(), fact.deletedAt(), EventData.create()
                .put("user_id", fact.externalUserId())
                .put("client_user_id", fact.clientUserId())
                .put("deleted_at", fact.deletedAt())
                .build()));
    }
}
