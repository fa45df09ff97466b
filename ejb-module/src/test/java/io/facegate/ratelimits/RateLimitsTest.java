package io.facegate.ratelimits;

import io.facegate.authentication.ClientAccess;
import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RateLimitsTest {

    private final FakeTime time = new FakeTime();
    private final RateLimits limits = limits("{}");

    @Test
    void theSixthAuthenticationInAMinuteIsRefusedAndOneComesBackEvery12Seconds() {
        for (int i = 1; i <= 5; i++) {
            RateState state = limits.consume("login:a", null, RateCategory.AUTHENTICATION);
            assertEquals(5 - i, state.remaining());
            assertEquals(5, state.limit());
        }
        RateLimitExceededException refused = assertThrows(RateLimitExceededException.class,
                () -> limits.consume("login:a", null, RateCategory.AUTHENTICATION));
        assertEquals(12, refused.retryAfterSeconds());
        assertEquals(60, refused.state().resetSeconds());
        assertEquals(60, refused.state().windowSeconds());

        time.advanceSeconds(11);
        assertThrows(RateLimitExceededException.class, () -> limits.consume("login:a", null, RateCategory.AUTHENTICATION));
        time.advanceSeconds(1);
        assertEquals(0, limits.consume("login:a", null, RateCategory.AUTHENTICATION).remaining(), "one back after 12 s");
    }

    @Test
    void callersAndCategoriesHaveTheirOwnBuckets() {
        for (int i = 0; i < 5; i++) {
            limits.consume("login:a", null, RateCategory.AUTHENTICATION);
        }
        assertEquals(4, limits.consume("login:b", null, RateCategory.AUTHENTICATION).remaining());
        assertEquals(99, limits.consume("login:a", null, RateCategory.FACE_VERIFICATION).remaining());
        assertEquals(999, limits.consume("login:a", null, RateCategory.GENERAL).remaining());
        assertEquals(9, limits.consume("login:a", null, RateCategory.REPORTS).remaining());
    }

    @Test
    void aClientsOwnLimitReplacesTheDefaultForItsCategoryOnly() {
        RateLimits custom = limits("{\"authentication\": 2, \"general\": \"x\", \"bogus\": 7}");
        UUID client = UUID.randomUUID();
        assertEquals(1, custom.consume("person:p", client, RateCategory.AUTHENTICATION).remaining());
        assertEquals(0, custom.consume("person:p", client, RateCategory.AUTHENTICATION).remaining());
        assertThrows(RateLimitExceededException.class, () -> custom.consume("person:p", client, RateCategory.AUTHENTICATION));
        assertEquals(999, custom.consume("person:p", client, RateCategory.GENERAL).remaining(), "a value that is no limit is ignored");
    }

    @Test
    void theDefaultsAreSeed004sTable() {
        assertEquals(5, RateCategory.AUTHENTICATION.seedLimit());
        assertEquals(100, RateCategory.FACE_VERIFICATION.seedLimit());
        assertEquals(10, RateCategory.REPORTS.seedLimit());
        assertEquals(1000, RateCategory.GENERAL.seedLimit());
        assertEquals(3600, RateCategory.GENERAL.window().toSeconds());
    }

    private RateLimits limits(String clientLimits) {
        RateLimits rateLimits = new RateLimits(time);
        RateLimitSettings settings = new RateLimitSettings();
        settings.authentication = RateCategory.AUTHENTICATION.seedLimit();
        settings.faceVerification = RateCategory.FACE_VERIFICATION.seedLimit();
        settings.reports = RateCategory.REPORTS.seedLimit();
        settings.general = RateCategory.GENERAL.seedLimit();
        rateLimits.settings = settings;
        rateLimits.clientAccess = new ClientAccess() {
            @Override
            public String rateLimitsOf(UUID clientId) {
                return clientLimits;
            }
        };
        return rateLimits;
    }

    private static final class FakeTime implements TimeMeter {
        private long nanos = 1_000_000_000L;

        void advanceSeconds(long seconds) {
            nanos += TimeUnit.SECONDS.toNanos(seconds);
        }

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }
}
