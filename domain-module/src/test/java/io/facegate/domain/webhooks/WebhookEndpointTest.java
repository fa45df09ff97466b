package io.facegate.domain.webhooks;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookEndpointTest {

    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    private static WebhookEndpoint endpoint(List<String> events) {
        return new WebhookEndpoint(UUID.randomUUID(), " https://example.com/hook ", "  ", events, WebhookFormat.STANDARD, true,
                "sealed-1", null, T0);
    }

    @Test
    void subscribesToItsTypesOrToEverythingWithTheWildcard() {
        WebhookEndpoint some = endpoint(List.of("enrollment.completed", "enrollment.completed", "client_user.deleted"));
        assertEquals(List.of("enrollment.completed", "client_user.deleted"), some.getEvents());
        assertTrue(some.subscribes("client_user.deleted"));
        assertFalse(some.subscribes("authentication.completed"));
        assertTrue(endpoint(List.of("*")).subscribes("attendance_logged"));
        assertEquals("https://example.com/hook", some.getUrl());
        assertNull(some.getDescription());
        assertThrows(IllegalArgumentException.class, () -> endpoint(List.of()));
    }

    @Test
    void duringARotationsOverlapBothSecretsSign() {
        WebhookEndpoint endpoint = endpoint(List.of("*"));
        endpoint.rotateSecret("sealed-2", Duration.ofHours(24), T0);
        assertEquals(List.of("sealed-2", "sealed-1"), endpoint.signingSecretsSealed(T0.plusSeconds(3600)));
        assertEquals(List.of("sealed-2"), endpoint.signingSecretsSealed(T0.plus(Duration.ofHours(24))));

        endpoint.rotateSecret("sealed-3", Duration.ZERO, T0.plusSeconds(60));
        assertEquals(List.of("sealed-3"), endpoint.signingSecretsSealed(T0.plusSeconds(61)), "no overlap: the old one stops at once");
        assertNull(endpoint.getPreviousSecretExpiresAt());
    }

    @Test
    void failingForTheWholePeriodWithoutASuccessIsTheSignalToDisable() {
        WebhookEndpoint endpoint = endpoint(List.of("*"));
        Duration fiveDays = Duration.ofDays(5);
        assertFalse(endpoint.recordFailure(T0, fiveDays));
        assertFalse(endpoint.recordFailure(T0.plus(Duration.ofDays(4)), fiveDays));
        endpoint.recordSuccess();
        assertNull(endpoint.getFailingSince(), "a success ends the streak");
        Instant restart = T0.plus(Duration.ofDays(4)).plusSeconds(1);
        assertFalse(endpoint.recordFailure(restart, fiveDays));
        assertFalse(endpoint.recordFailure(restart.plus(fiveDays).minusSeconds(1), fiveDays));
        assertTrue(endpoint.recordFailure(restart.plus(fiveDays), fiveDays));

        endpoint.disable(DisabledReason.FAILING, restart.plus(fiveDays));
        assertFalse(endpoint.isActive());
        assertEquals(DisabledReason.FAILING, endpoint.getDisabledReason());
        endpoint.activate(restart.plus(Duration.ofDays(6)));
        assertTrue(endpoint.isActive());
        assertNull(endpoint.getDisabledReason());
        assertNull(endpoint.getFailingSince(), "a client turning it back on starts a new count");
    }
}
