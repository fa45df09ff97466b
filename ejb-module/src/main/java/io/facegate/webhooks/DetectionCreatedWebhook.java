package io.facegate.webhooks;

import io.facegate.detections.DetectionRecorded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** {@code detection.created}: a camera saw a face, once per person passing by, in the recording transaction. */
@ApplicationScoped
public class DetectionCreatedWebhook implements WebhookEventType {

    @Inject
    WebhookOutbox outbox;

    @Inject
    DetectionFacts facts;

    @Override
    public String name() {
        return "detection.created";
    }

    @Override
    public String description() {
        return "A camera saw a face (MATCHED, MULTIPLE_MATCHES, NEW_FACE or UNKNOWN); one event per person passing by";
    }

    void announce(@Observes DetectionRecorded fact) {
        if (fact.firstReport()) {
            outbox.enqueue(facts.event(fact, name()));
        }
    }
}
