package io.facegate.webhooks;

import io.facegate.sessions.AuthenticationCompleted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** {@code authentication.completed}, successful or not, in the deciding frame's transaction. */
@ApplicationScoped
public class AuthenticationCompletedWebhook implements WebhookEventType {

    @Inject
    WebhookOutbox outbox;

    @Override
    public String name() {
        return "authentication.completed";
    }

    @Override
    public String description() {
        return "A verification or identification session reached its decision, successful or not";
    }

    void announce(@Observes AuthenticationCompleted fact) {
        outbox.enqueue(WebhookEvent.of(fact.clientId(), name(), fact.completedAt(), EventData.create()
                .put("session_id", fact.sessionId())
                .put("session_type", fact.purpose().apiName())
                .put("authenticated", fact.authenticated())
                .put("user_id", fact.externalUserId())
                .put("client_user_id", fact.clientUserId())
                .put("confidence", fact.confidence())
                .put("liveness_verified", fact.livenessVerified())
                .put("failure_reason", fact.failureReason())
                .put("completed_at", fact.completedAt())
                .build()));
    }
}
