package io.facegate.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * What one attempt gave: the receiver's status and the start of its answer, or why there was none.
 *
 * @param statusCode      null when no answer came (refused connection, timeout, egress refusal)
 * @param responseExcerpt at most 4 KB of the answer's body
 * @param retryAfter      the receiver's {@code Retry-After}, or null
 */
public record AttemptResult(Instant startedAt, double latencyMs, Integer statusCode, String responseExcerpt, String error,
                            Duration retryAfter) {

    /** Only a 2xx delivers; a 3xx is an answer, not a new destination. */
    public boolean accepted() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    /** 410: the receiver asks never to be called again. */
    public boolean gone() {
        return statusCode != null && statusCode == 410;
    }

    /**
     * A {@code Retry-After} value: seconds, or an HTTP date; null when absent or unreadable (the
     * schedule applies then).
     */
    public static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
