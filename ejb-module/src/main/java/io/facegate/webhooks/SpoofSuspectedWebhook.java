package io.facegate.webhooks;

import io.facegate.sessions.SpoofSuspected;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** {@code session.spoof_suspected}, once per session, in the transaction of the frame that raised it. */
@ApplicationScoped
public class SpoofSuspectedWebhook implements WebhookEventType {

    @Inject
    WebhookOutbox outbox;

    @Override
    public String name() {
        return "session.spoof_suspected";
    }

    @Override
    public String description() {
        return "A session's frames looked like a presentation attack (a photo, a screen, a frozen face)";
    }

    void announce(@Observes SpoofSuspected fact) {
        outbox.enqueue(WebhookEvent.of(fact.clientId(), name(), fact.detectedAt(), EventData.create()
                .put("session_id", fact.sessionId())
                .put("session_type", fact.purpose().apiName())
                .put("client_user_id", fact.clientUserId())
                .put("liveness_score", fact.livenessScore())
                .put("detected_at", fact.detectedAt())
                .build()));
    }
}
