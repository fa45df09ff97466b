package io.facegate.usage;

import io.facegate.domain.usage.EndpointCategory;
import io.facegate.system.FaceGateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UsageFilterTest {

    @Test
    void emptyParametersFilterNothing() {
        assertEquals(UsageFilter.none(), UsageFilter.parse(null, "", " ", null, null));
    }

    @Test
    void readsEveryPart() {
        UsageFilter filter = UsageFilter.parse("Recognition", "4xx", "post", "2025-10-12T10:30:00+02:00", "2025-10-13");
        assertEquals(EndpointCategory.RECOGNITION, filter.category());
        assertEquals(400, filter.minStatus());
        assertEquals(499, filter.maxStatus());
        assertEquals("POST", filter.method());
        assertEquals(Instant.parse("2025-10-12T08:30:00Z"), filter.from());
        assertEquals(Instant.parse("2025-10-13T23:59:59.999999Z"), filter.to(), "a day as 'to' includes all of it");
        UsageFilter exact = UsageFilter.parse(null, "404", null, "2025-10-12", null);
        assertEquals(404, exact.minStatus());
        assertEquals(404, exact.maxStatus());
        assertEquals(Instant.parse("2025-10-12T00:00:00Z"), exact.from());
    }

    @ParameterizedTest
    @CsvSource({
            "category, nope, invalid_category",
            "status, abc, invalid_status",
            "status, 6xx, invalid_status",
            "status, 99, invalid_status",
            "status, 4XXX, invalid_status",
            "method, FETCH, invalid_method",
            "from, yesterday, invalid_from",
            "to, 2025-13-01, invalid_to",
    })
    void malformedValuesAreRefusedByName(String parameter, String value, String code) {
        FaceGateException refusal = assertThrows(FaceGateException.class, () -> UsageFilter.parse(
                parameter.equals("category") ? value : null, parameter.equals("status") ? value : null,
                parameter.equals("method") ? value : null, parameter.equals("from") ? value : null,
                parameter.equals("to") ? value : null));
        assertEquals(code, refusal.code());
        assertEquals(400, refusal.kind().httpStatus());
    }

    @Test
    void fromMustNotBeAfterTo() {
        assertEquals("invalid_date_range", assertThrows(FaceGateException.class,
                () -> UsageFilter.parse(null, null, null, "2025-10-13", "2025-10-12T23:00:00Z")).code());
    }

    @Test
    void aMissingPeriodBecomesTheLastDays() {
        Instant now = Instant.parse("2025-10-12T10:30:00Z");
        UsageFilter period = UsageFilter.none().withPeriodOrLastDays(30, now);
        assertEquals(Instant.parse("2025-09-13T00:00:00Z"), period.from());
        assertEquals(now, period.to());
        UsageFilter given = UsageFilter.parse(null, null, null, "2025-01-01", null).withPeriodOrLastDays(30, now);
        assertEquals(Instant.parse("2025-01-01T00:00:00Z"), given.from());
        assertEquals("invalid_date_range", assertThrows(FaceGateException.class, () -> given.requirePeriodAtMost(200)).code());
        given.requirePeriodAtMost(366);
        assertNull(given.category());
    }
}
