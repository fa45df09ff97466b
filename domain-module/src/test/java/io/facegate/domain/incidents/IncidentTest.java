package io.facegate.domain.incidents;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IncidentTest {

    private static final Instant NOW = Instant.parse("2024-03-15T09:00:00Z");

    @Test
    void aReportedIncidentHappenedWhenSaidOrNowButNeverLater() {
        Incident unsaid = Incident.reported(UUID.randomUUID(), UUID.randomUUID(), IncidentType.OTHER, IncidentSeverity.LOW, null, "door",
                null, "client:x", NOW);
        assertEquals(NOW, unsaid.getOccurredAt());
        assertEquals(Incident.Origin.REPORTED, unsaid.getOrigin());
        Instant earlier = NOW.minusSeconds(60);
        assertEquals(earlier, Incident.reported(UUID.randomUUID(), UUID.randomUUID(), IncidentType.OTHER, IncidentSeverity.LOW, null,
                "door", earlier, "client:x", NOW).getOccurredAt());
        assertThrows(IllegalArgumentException.class, () -> Incident.reported(UUID.randomUUID(), UUID.randomUUID(), IncidentType.OTHER,
                IncidentSeverity.LOW, null, "door", NOW.plusSeconds(1), "client:x", NOW));
    }

    @Test
    void anIncidentIsDescribed() {
        assertThrows(IllegalArgumentException.class, () -> Incident.raised(UUID.randomUUID(), IncidentType.SPOOFING_ATTEMPT,
                IncidentSeverity.HIGH, " ", null, null, NOW));
        assertThrows(IllegalArgumentException.class, () -> Incident.raised(UUID.randomUUID(), IncidentType.SPOOFING_ATTEMPT,
                IncidentSeverity.HIGH, "x".repeat(Incident.MAX_DESCRIPTION_LENGTH + 1), null, null, NOW));
        Incident raised = Incident.raised(UUID.randomUUID(), IncidentType.SPOOFING_ATTEMPT, IncidentSeverity.HIGH, "spoof", null, null, NOW);
        assertEquals(Incident.FACEGATE, raised.getReportedBy());
        assertEquals(Incident.Origin.AUTOMATIC, raised.getOrigin());
    }
}
