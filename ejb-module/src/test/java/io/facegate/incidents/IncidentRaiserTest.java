package io.facegate.incidents;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IncidentRaiserTest {

    @Test
    void raisesOnceTheThresholdIsReachedAndOncePerWindow() {
        assertFalse(IncidentRaiser.repeated(2, 0, 3), "below the threshold");
        assertTrue(IncidentRaiser.repeated(3, 0, 3), "at the threshold");
        assertFalse(IncidentRaiser.repeated(4, 1, 3), "already raised in this window");
        assertTrue(IncidentRaiser.repeated(1, 0, 1));
    }
}
