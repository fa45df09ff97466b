package io.facegate.webhooks;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryScheduleTest {

    private static final RetrySchedule SCHEDULE = RetrySchedule.parse(RetrySchedule.DEFAULT);
    private static final DoubleSupplier MIDDLE = () -> 0.5;

    @Test
    void theDefaultIsStandardWebhooksScheduleOverAboutThreeDays() {
        // A receiver that never answers: follow one delivery on a clock that jumps to each next attempt.
        Instant clock = Instant.parse("2026-01-05T10:00:00Z");
        Instant created = clock;
        List<Duration> waits = new ArrayList<>();
        for (int attempt = 1; ; attempt++) {
            Optional<Instant> next = SCHEDULE.nextAttempt(attempt, clock, null, MIDDLE);
            if (next.isEmpty()) {
                break;
            }
            waits.add(Duration.between(clock, next.get()));
            clock = next.get();
        }
        assertEquals(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2),
                Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(14), Duration.ofHours(20), Duration.ofHours(24)), waits);
        assertEquals(10, SCHEDULE.attempts(), "the first attempt is immediate, then nine retries");
        assertEquals(Duration.ofSeconds(5 + 300 + 1800).plusHours(2 + 5 + 10 + 14 + 20 + 24), Duration.between(created, clock));
    }

    @Test
    void waitsAreJitteredByTenPercentEitherWay() {
        Instant now = Instant.parse("2026-01-05T10:00:00Z");
        assertEquals(now.plus(Duration.ofMinutes(27)), SCHEDULE.nextAttempt(3, now, null, () -> 0.0).orElseThrow());
        assertEquals(now.plus(Duration.ofMinutes(33)), SCHEDULE.nextAttempt(3, now, null, () -> 1.0).orElseThrow());
        for (double r = 0; r < 1; r += 0.05) {
            double draw = r;
            Duration wait = Duration.between(now, SCHEDULE.nextAttempt(1, now, null, () -> draw).orElseThrow());
            assertTrue(wait.compareTo(Duration.ofMillis(4500)) >= 0 && wait.compareTo(Duration.ofMillis(5500)) <= 0, wait::toString);
        }
    }

    @Test
    void retryAfterReplacesTheWaitUpToADay() {
        Instant now = Instant.parse("2026-01-05T10:00:00Z");
        assertEquals(now.plusSeconds(90), SCHEDULE.nextAttempt(1, now, Duration.ofSeconds(90), MIDDLE).orElseThrow());
        assertEquals(now.plusSeconds(2), SCHEDULE.nextAttempt(4, now, Duration.ofSeconds(2), MIDDLE).orElseThrow(),
                "the receiver knows when it is back");
        assertEquals(now.plus(Duration.ofHours(24)), SCHEDULE.nextAttempt(2, now, Duration.ofDays(30), MIDDLE).orElseThrow());
        assertEquals(now.plusSeconds(20), RetrySchedule.parse("0s,1s,2s").nextAttempt(1, now, Duration.ofSeconds(20), MIDDLE).orElseThrow(),
                "whatever the schedule's own waits");
        assertTrue(SCHEDULE.nextAttempt(10, now, Duration.ofSeconds(1), MIDDLE).isEmpty(), "but never beyond the last attempt");
    }

    @Test
    void retryAfterIsSecondsOrAnHttpDate() {
        Instant now = Instant.parse("2026-01-05T10:00:00Z");
        assertEquals(Duration.ofSeconds(120), AttemptResult.retryAfter(" 120 ", now));
        assertEquals(Duration.ofSeconds(30), AttemptResult.retryAfter("Mon, 05 Jan 2026 10:00:30 GMT", now));
        assertEquals(Duration.ZERO, AttemptResult.retryAfter("Mon, 05 Jan 2026 09:00:00 GMT", now));
        assertEquals(Duration.ZERO, AttemptResult.retryAfter("-5", now));
        assertEquals(null, AttemptResult.retryAfter("soon", now));
        assertEquals(null, AttemptResult.retryAfter(null, now));
    }

    @Test
    void anOperatorScheduleIsParsedOrRefused() {
        RetrySchedule quick = RetrySchedule.parse("0s, 500ms, 1m, 1h, 1d");
        assertEquals(5, quick.attempts());
        Instant now = Instant.EPOCH;
        assertEquals(now.plusMillis(500), quick.nextAttempt(1, now, null, MIDDLE).orElseThrow());
        assertEquals(now.plus(Duration.ofDays(1)), quick.nextAttempt(4, now, null, MIDDLE).orElseThrow());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> RetrySchedule.parse("0s,5 minutes"));
        assertTrue(refused.getMessage().contains("5 minutes"), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RetrySchedule.parse(""));
    }
}
