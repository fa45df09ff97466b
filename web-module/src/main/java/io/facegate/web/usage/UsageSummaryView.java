package io.facegate.web.usage;

import io.facegate.usage.DailyUsage;
import io.facegate.usage.UsageSummary;
import jakarta.json.bind.annotation.JsonbProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The summary endpoint's answer: the period, its totals, and one row per UTC day and category. */
public record UsageSummaryView(Instant from, Instant to, long calls, long errors, List<Day> results) {

    public record Day(LocalDate date, String endpoint, long calls, long errors, double avgResponseTimeMs,
                      @JsonbProperty("p95_response_time_ms") double p95ResponseTimeMs) {

        static Day of(DailyUsage usage) {
            return new Day(usage.date(), usage.endpoint().code(), usage.calls(), usage.errors(),
                    tenths(usage.avgResponseTimeMs()), tenths(usage.p95ResponseTimeMs()));
        }
    }

    public static UsageSummaryView of(UsageSummary summary) {
        return new UsageSummaryView(summary.from(), summary.to(), summary.calls(), summary.errors(),
                summary.days().stream().map(Day::of).toList());
    }

    private static double tenths(double milliseconds) {
        return Math.round(milliseconds * 10) / 10.0;
    }
}
