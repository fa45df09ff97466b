package io.facegate.attendance;

import io.facegate.domain.attendance.AttendanceLog;
import io.facegate.domain.attendance.AttendanceSource;
import io.facegate.domain.sessions.FaceSession;
import io.facegate.domain.shared.JsonProcessing;
import io.facegate.sessions.AuthenticationCompleted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.StringReader;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Attendance from verification and identification sessions, when the integrator asks for it in the
 * session's metadata ({@code "log_attendance": true}, optionally {@code "camera_id"} and
 * {@code "location"}): a successful session logs its person, in the session's own transaction.
 */
@ApplicationScoped
public class SessionAttendance {

    static final String LOG_ATTENDANCE = "log_attendance";
    private static final Logger LOG = Logger.getLogger(SessionAttendance.class.getName());

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    @Inject
    AttendanceBook book;

    void completed(@Observes AuthenticationCompleted fact) {
        if (!fact.authenticated() || fact.clientUserId() == null) {
            return;
        }
        FaceSession session = em.find(FaceSession.class, fact.sessionId());
        JsonObject metadata = session == null ? JsonValue.EMPTY_JSON_OBJECT : metadata(session.getMetadata());
        if (!metadata.getBoolean(LOG_ATTENDANCE, false)) {
            return;
        }
        book.recordSighting(new Sighting(fact.clientId(), fact.clientUserId(), AttendanceSource.SESSION,
                AttendanceLog.Place.camera(text(metadata, "camera_id"), null, text(metadata, "location")),
                new AttendanceLog.Evidence(fact.confidence(), null, null), fact.sessionId(), fact.completedAt()));
    }

    private static JsonObject metadata(String json) {
        try (JsonReader reader = JsonProcessing.PROVIDER.createReader(new StringReader(json))) {
            return reader.readObject();
        } catch (JsonException | ClassCastException e) {
            LOG.log(Level.FINE, "session metadata is not a JSON object", e);
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    private static String text(JsonObject metadata, String name) {
        JsonValue value = metadata.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        String text = value.getValueType() == JsonValue.ValueType.STRING ? metadata.getString(name) : value.toString();
        return text.length() > 100 ? text.substring(0, 100) : text;
    }
}
