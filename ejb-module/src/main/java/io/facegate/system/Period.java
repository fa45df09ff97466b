package io.facegate.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The {@code from}/{@code to} filter of a listing, both inclusive and optional (null).
 */
public record Period(Instant from, Instant to) {

    /**
     * Reads the query parameters; anything malformed is a 400 naming the parameter. Values may be
     * ISO-8601 instants with an offset ({@code 2025-10-12T10:30:00Z}) or days ({@code 2025-10-12},
     * UTC): a day as {@code from} starts at its first instant, as {@code to} it ends with its last.
     */
    public static Period parse(String from, String to) {
        Instant start = blank(from) ? null : instant("from", from, false);
        Instant end = blank(to) ? null : instant("to", to, true);
        if (start != null && end != null && start.isAfter(end)) {
            throw FaceGateException.invalid("invalid_date_range", "from must not be after to");
        }
        return new Period(start, end);
    }

    private static Instant instant(String name, String value, boolean endOfDay) {
        String text = value.strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate day = LocalDate.parse(text);
                Instant start = day.atStartOfDay().toInstant(ZoneOffset.UTC);
                // The last instant PostgreSQL can store in that day (it keeps microseconds).
                return endOfDay ? start.plus(1, ChronoUnit.DAYS).minus(1, ChronoUnit.MICROS) : start;
            } catch (DateTimeParseException notADay) {
                throw FaceGateException.invalid("invalid_" + name,
                        name + " must be an ISO-8601 instant such as 2025-10-12T10:30:00Z or a day such as 2025-10-12");
            }
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
