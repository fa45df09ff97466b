package io.facegate.web.http;

import io.facegate.attendance.SummaryPeriod;
import io.facegate.system.FaceGateException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QueryValuesTest {

    @Test
    void anAbsentOrBlankPeriodIsTheResourcesDefault() {
        assertEquals(SummaryPeriod.MONTHLY, QueryValues.enumeration(SummaryPeriod.class, "period", null, SummaryPeriod.MONTHLY));
        assertEquals(SummaryPeriod.DAILY, QueryValues.enumeration(SummaryPeriod.class, "period", "  ", SummaryPeriod.DAILY));
    }

    @Test
    void aGivenPeriodIsReadInAnyCase() {
        assertEquals(SummaryPeriod.WEEKLY, QueryValues.enumeration(SummaryPeriod.class, "period", "Weekly", SummaryPeriod.DAILY));
    }

    @Test
    void anUnknownPeriodIsA400NamingTheParameter() {
        FaceGateException refused = assertThrows(FaceGateException.class,
                () -> QueryValues.enumeration(SummaryPeriod.class, "period", "hourly", SummaryPeriod.DAILY));
        assertEquals("invalid_period", refused.code());
    }
}
