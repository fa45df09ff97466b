package io.facegate.web.live;

import io.facegate.attendance.AttendanceLogged;
import io.facegate.cameras.CameraWentOffline;
import io.facegate.cameras.CameraWentOnline;
import io.facegate.detections.DetectionRecorded;
import io.facegate.domain.attendance.AttendanceSource;
import io.facegate.domain.detections.DetectionStatus;
import io.facegate.web.http.JsonConfiguration;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each live fact as the event stream writes it: its event name and its data in the API's snake_case JSON. */
class LiveEventViewTest {

    private static final Instant AT = Instant.parse("2026-01-05T08:00:00Z");
    private final UUID client = UUID.randomUUID();

    private static String json(LiveEventView.Named event) {
        return JsonConfiguration.jsonb().toJson(event.data());
    }

    @Test
    void aDetectionNamesItsCameraByTheClientsIdAndItsPersonByFaceGatesId() {
        UUID detection = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        LiveEventView.Named event = LiveEventView.of(new DetectionRecorded(detection, client, UUID.randomUUID(), "DOOR-1",
                DetectionStatus.MATCHED, person, 0.71, true, AT, AT));
        assertEquals("detection", event.event());
        assertEquals("{\"camera_id\":\"DOOR-1\",\"client_user_id\":\"" + person + "\",\"confidence\":0.71,\"detected_at\":\"2026-01-05T08:00:00Z\","
                + "\"first_report\":true,\"id\":\"" + detection + "\",\"status\":\"MATCHED\"}", json(event));
    }

    @Test
    void aCameraGoingOnlineOrOfflineSaysWhichAndWhy() {
        LiveEventView.Named online = LiveEventView.of(new CameraWentOnline(client, UUID.randomUUID(), "DOOR-1", AT));
        assertEquals("camera", online.event());
        assertEquals("{\"at\":\"2026-01-05T08:00:00Z\",\"camera_id\":\"DOOR-1\",\"last_error\":null,\"status\":\"online\"}", json(online));
        String offline = json(LiveEventView.of(new CameraWentOffline(client, UUID.randomUUID(), "DOOR-1", "timeout", AT)));
        assertTrue(offline.contains("\"status\":\"offline\"") && offline.contains("\"last_error\":\"timeout\""), offline);
    }

    @Test
    void anAttendanceCarriesThePersonsIdsAndTheSourceInTheApisWords() {
        UUID log = UUID.randomUUID();
        String json = json(LiveEventView.of(new AttendanceLogged(log, client, UUID.randomUUID(), "CON001", "Blink Clip", "Engineering",
                AttendanceSource.CAMERA, "DOOR-1", "Console door", "Lobby", 0.7, AT)));
        assertEquals("{\"camera_id\":\"DOOR-1\",\"confidence\":0.7,\"department\":\"Engineering\",\"employee_id\":\"CON001\",\"id\":\"" + log
                + "\",\"name\":\"Blink Clip\",\"source\":\"" + AttendanceSource.CAMERA.apiName() + "\",\"timestamp\":\"2026-01-05T08:00:00Z\"}", json);
    }

    @Test
    void anythingElseIsNotALiveFact() {
        assertThrows(IllegalArgumentException.class, () -> LiveEventView.of("not a fact"));
    }
}
