package io.facegate.web.ratelimits;

import io.facegate.ratelimits.RateCategory;

import java.util.Optional;

/** Which of seed 004's rate-limit categories a path below {@code /api/} falls in; empty outside seed 004's API. */
public final class RateCategories {

    private RateCategories() {
    }

    public static Optional<RateCategory> of(String apiPath) {
        String path = apiPath.startsWith("/") ? apiPath.substring(1) : apiPath;
        if (!path.startsWith("v1/")) {
            return Optional.empty();
        }
        String rest = path.substring(3);
        if (rest.startsWith("auth/")) {
            return Optional.of(RateCategory.AUTHENTICATION);
        }
        // Polling a task's status is not another verification.
        if (!rest.startsWith("face/verify/status") && (rest.startsWith("face/verify") || rest.startsWith("face/bulk-verify")
                || rest.startsWith("mobile/check-in"))) {
            return Optional.of(RateCategory.FACE_VERIFICATION);
        }
        // Following a report (its status, the history) or setting the calendar is not another report.
        if (rest.startsWith("reports/attendance") || rest.startsWith("reports/analytics") || rest.startsWith("reports/patterns")
                || rest.equals("reports") || rest.equals("reports/")) {
            return Optional.of(RateCategory.REPORTS);
        }
        return Optional.of(RateCategory.GENERAL);
    }
}
