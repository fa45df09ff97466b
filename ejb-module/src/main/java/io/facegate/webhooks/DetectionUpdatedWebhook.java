package io.facegate.webhooks;

import io.facegate.detections.DetectionRecorded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** {@code detection.updated}: a better view of the same face improved a detection, in the recording transaction. */
@ApplicationScoped
public class DetectionUpdatedWebhook implements WebhookEventType {

    @Inject
    WebhookOutbox outbox;

    @Inject
    DetectionFacts facts;

    @Override
    public String name() {
        return "detection.updated";
    }

    @Override
    public String description() {
        return "A better view of the same face improved a detection (its status, person, confidence or pictures)";
    }

    void announce(@Observes DetectionRecorded fact) {
        if (!fact.firstReport()) {
            outbox.enqueue(facts.event(fact, name()));
        }
    }
}
