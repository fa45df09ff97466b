package io.facegate.web.ratelimits;

import io.facegate.ratelimits.RateCategory;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RateCategoriesTest {

    @Test
    void seed004sPathsFallInTheSeedsCategories() {
        assertEquals(Optional.of(RateCategory.AUTHENTICATION), RateCategories.of("v1/auth/logout/"));
        assertEquals(Optional.of(RateCategory.FACE_VERIFICATION), RateCategories.of("/v1/face/verify/"));
        assertEquals(Optional.of(RateCategory.FACE_VERIFICATION), RateCategories.of("v1/face/bulk-verify"));
        assertEquals(Optional.of(RateCategory.FACE_VERIFICATION), RateCategories.of("v1/mobile/check-in/"));
        assertEquals(Optional.of(RateCategory.GENERAL), RateCategories.of("v1/face/verify/status/verify_x/"), "polling is not verifying");
        assertEquals(Optional.of(RateCategory.GENERAL), RateCategories.of("v1/face/enroll/"));
        assertEquals(Optional.of(RateCategory.REPORTS), RateCategories.of("v1/reports/attendance/"));
        assertEquals(Optional.of(RateCategory.GENERAL), RateCategories.of("v1/reports/0b7e1c9a-4f7e-4c1e-9d7a-2f1c3b4a5d6e/"),
                "following a report is not another report");
        assertEquals(Optional.of(RateCategory.GENERAL), RateCategories.of("v1/attendance/logs/"));
        assertEquals(Optional.empty(), RateCategories.of("clients/users/"), "other APIs are not seed 004's");
    }
}
