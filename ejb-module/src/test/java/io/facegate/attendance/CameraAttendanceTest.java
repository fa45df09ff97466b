package io.facegate.attendance;

import io.facegate.domain.attendance.AttendanceLog;
import io.facegate.domain.attendance.AttendanceSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CameraAttendanceTest {

    @Test
    void aCameraMatchIsASightingAtTheCameraReferencingTheDetection() {
        List<Sighting> recorded = new ArrayList<>();
        CameraAttendance cameras = new CameraAttendance();
        cameras.book = new AttendanceBook() {
            @Override
            public Optional<AttendanceLog> recordSighting(Sighting sighting) {
                recorded.add(sighting);
                return Optional.empty();
            }
        };
        UUID client = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        UUID detection = UUID.randomUUID();
        Instant seen = Instant.parse("2026-03-02T08:45:23Z");
        cameras.matched(new CameraAttendance.CameraMatch(client, person, "CAM001", "Main Entrance", "Building A", 0.83, detection, seen));

        Sighting sighting = recorded.get(0);
        assertEquals(client, sighting.clientId());
        assertEquals(person, sighting.clientUserId());
        assertEquals(AttendanceSource.CAMERA, sighting.source());
        assertEquals(AttendanceLog.Place.camera("CAM001", "Main Entrance", "Building A"), sighting.place());
        assertEquals(0.83, sighting.evidence().confidence());
        assertNull(sighting.evidence().antiSpoofScore());
        assertEquals(detection, sighting.referenceId());
        assertEquals(seen, sighting.at());
    }
}
