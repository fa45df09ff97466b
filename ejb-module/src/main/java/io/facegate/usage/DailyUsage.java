package io.facegate.usage;

import io.facegate.domain.usage.EndpointCategory;

import java.time.LocalDate;

/** One category's calls on one UTC day: how many, how many failed (status >= 400), how fast. */
public record DailyUsage(LocalDate date, EndpointCategory endpoint, long calls, long errors,
                         double avgResponseTimeMs, double p95ResponseTimeMs) {
}
