package io.facegate.webhooks;

import io.facegate.attendance.AttendanceLogged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Locale;

/**
 * {@code attendance_logged} (seed 004's name), in the logging transaction: in the
 * {@code facegate-legacy} format exactly seed 004's body, {@code {event, timestamp, data: {employee_id,
 * name, camera_id, confidence}}}; in the standard format with the log's other facts too.
 */
@ApplicationScoped
public class AttendanceLoggedWebhook implements WebhookEventType {

    @Inject
    WebhookOutbox outbox;

    @Override
    public String name() {
        return "attendance_logged";
    }

    @Override
    public String description() {
        return "A person's attendance was logged (camera, verification, session, mobile check-in or manual mark)";
    }

    void announce(@Observes AttendanceLogged fact) {
        SeedBodies.Attendance seed = new SeedBodies.Attendance(fact.employeeId(), fact.name(), fact.cameraCode(), fact.confidence());
        outbox.enqueue(WebhookEvent.of(fact.clientId(), name(), fact.loggedAt(), EventData.create()
                .put("log_id", fact.logId())
                .put("employee_id", fact.employeeId())
                .put("name", fact.name())
                .put("department", fact.department())
                .put("source", fact.source().name().toLowerCase(Locale.ROOT))
                .put("camera_id", fact.cameraCode())
                .put("location", fact.location())
                .put("confidence", fact.confidence())
                .put("logged_at", fact.loggedAt())
                .build()).withLegacyBody(EventData.create()
                .put("event", name())
                .put("timestamp", fact.loggedAt())
                .put("data", SeedBodies.attendance(seed))
                .build()));
    }
}
