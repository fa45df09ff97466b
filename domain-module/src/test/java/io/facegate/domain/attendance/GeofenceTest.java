package io.facegate.domain.attendance;

import io.facegate.domain.attendance.AttendanceSettings.Geofence;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeofenceTest {

    @Test
    void aPositionIsInsideWhenWithinTheRadius() {
        Geofence cityHall = new Geofence(40.7128, -74.0060, 500);
        assertTrue(cityHall.contains(40.7130, -74.0062));
        assertFalse(cityHall.contains(40.80, -74.0060), "about 9.7 km north");
        // One degree of latitude is about 111.2 km.
        assertEquals(111_195, Geofence.distanceMeters(0, 0, 1, 0), 10);
    }

    @Test
    void aFenceNeedsAPlaceOnEarthAndARadius() {
        assertThrows(IllegalArgumentException.class, () -> new Geofence(91, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> new Geofence(0, 181, 10));
        assertThrows(IllegalArgumentException.class, () -> new Geofence(0, 0, 0));
    }
}
