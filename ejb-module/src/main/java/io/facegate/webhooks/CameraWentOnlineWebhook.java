package io.facegate.webhooks;

import io.facegate.cameras.CameraWentOnline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** {@code camera.online}, in the transaction that records the camera's state. */
@ApplicationScoped
public class CameraWentOnlineWebhook implements WebhookEventType {

    @Inject
    WebhookOutbox outbox;

    @Override
    public String name() {
        return "camera.online";
    }

    @Override
    public String description() {
        return "A camera sends frames again (debounced: recorded once per change)";
    }

    void announce(@Observes CameraWentOnline fact) {
        outbox.enqueue(WebhookEvent.of(fact.clientId(), name(), fact.at(), EventData.create()
                .put("camera_id", fact.cameraCode())
                .put("since", fact.at())
                .build()));
    }
}
