package io.facegate.domain.clients;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PersonLoginTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void fromTheFifthFailureInARowLoginsPauseLongerEachTimeUpToTheLongest() {
        ClientUser person = person();
        for (int i = 1; i <= 4; i++) {
            person.recordFailedLogin(NOW, 5, MINUTE, HOUR);
            assertFalse(person.isLockedAt(NOW), "failure " + i);
        }
        person.recordFailedLogin(NOW, 5, MINUTE, HOUR);
        assertTrue(person.isLockedAt(NOW.plusSeconds(59)));
        assertFalse(person.isLockedAt(NOW.plusSeconds(60)));
        person.recordFailedLogin(NOW, 5, MINUTE, HOUR);
        assertEquals(NOW.plus(Duration.ofMinutes(2)), person.getLockedUntil());
        for (int i = 0; i < 30; i++) {
            person.recordFailedLogin(NOW, 5, MINUTE, HOUR);
        }
        assertEquals(NOW.plus(HOUR), person.getLockedUntil(), "never longer than the longest lockout");
    }

    @Test
    void aGoodLoginClearsTheFailuresAndANewPasswordOrDeactivationEndsEveryLogin() {
        ClientUser person = person();
        person.recordFailedLogin(NOW, 1, MINUTE, HOUR);
        person.recordLogin(NOW);
        assertEquals(0, person.getFailedLogins());
        assertFalse(person.isLockedAt(NOW));
        assertEquals(NOW, person.getLastLogin());

        int generation = person.getLoginGeneration();
        person.changePassword("pbkdf2-sha256$1$x$y");
        assertEquals(generation + 1, person.getLoginGeneration());
        person.deactivate();
        assertFalse(person.isActive());
        assertEquals(generation + 2, person.getLoginGeneration());
        person.deactivate();
        assertEquals(generation + 2, person.getLoginGeneration(), "deactivating twice ends nothing more");
    }

    @Test
    void theNameIsFirstAndLastElseTheDisplayNameElseTheId() {
        ClientUser person = person();
        assertEquals("E1", person.fullName());
        person.describe("Johnny", null);
        assertEquals("Johnny", person.fullName());
        person.describePerson("j@x.example", "John", "Doe", PersonRole.FACULTY, " Physics ");
        assertEquals("John Doe", person.fullName());
        assertEquals("Physics", person.getDepartment());
        assertEquals(PersonRole.FACULTY, person.getRole());
    }

    private static ClientUser person() {
        return new ClientUser(UUID.randomUUID(), "E1", null, null);
    }
}
