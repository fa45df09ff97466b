package io.facegate.webhooks;

import io.facegate.enrollment.EnrollmentCompleted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** {@code enrollment.completed}, in the enrolling transaction. */
@ApplicationScoped
public class EnrollmentCompletedWebhook implements WebhookEventType {

    @Inject
    WebhookOutbox outbox;

    @Override
    public String name() {
        return "enrollment.completed";
    }

    @Override
    public String description() {
        return "A person's face was enrolled (or re-enrolled): their new template is stored";
    }

    void announce(@Observes EnrollmentCompleted fact) {
        outbox.enqueue(WebhookEvent.of(fact.clientId(), name(), fact.completedAt(), EventData.create()
                .put("user_id", fact.externalUserId())
                .put("client_user_id", fact.clientUserId())
                .put("enrollment_id", fact.sessionId())
                .put("samples", fact.samples())
                .put("completed_at", fact.completedAt())
                .build()));
    }
}
