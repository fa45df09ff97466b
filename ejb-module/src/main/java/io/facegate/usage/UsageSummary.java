package io.facegate.usage;

import java.time.Instant;
import java.util.List;

/** A client's usage over a period, per category and UTC day, with the period's totals. */
public record UsageSummary(Instant from, Instant to, long calls, long errors, List<DailyUsage> days) {
}
