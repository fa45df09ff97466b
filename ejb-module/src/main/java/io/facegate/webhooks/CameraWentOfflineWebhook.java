package io.facegate.webhooks;

import io.facegate.cameras.CameraWentOffline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** {@code camera.offline}, in the transaction that records the camera's state. */
@ApplicationScoped
public class CameraWentOfflineWebhook implements WebhookEventType {

    @Inject
    WebhookOutbox outbox;

    @Override
    public String name() {
        return "camera.offline";
    }

    @Override
    public String description() {
        return "A camera sent no frame for the watchdog's limit (debounced: recorded once per change), with its last error";
    }

    void announce(@Observes CameraWentOffline fact) {
        outbox.enqueue(WebhookEvent.of(fact.clientId(), name(), fact.at(), EventData.create()
                .put("camera_id", fact.cameraCode())
                .put("since", fact.at())
                .put("last_error", fact.lastError())
                .build()));
    }
}
