package io.facegate.web.http;

import io.facegate.system.FaceGateException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/**
 * Query parameters read as text and parsed here, so that a malformed value is a 400 naming the
 * parameter: JAX-RS makes an {@code int} or {@code Boolean} parameter that does not parse a 404, or
 * reads {@code "yes"} as false without a word.
 */
public final class QueryValues {

    private QueryValues() {
    }

    /** The value, parsed, or null when not given; a value that does not parse is a 400 naming the parameter. */
    private static <T> T parsed(String name, String value, Function<String, T> parse, String expected) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parse.apply(value.strip());
        } catch (RuntimeException e) {
            throw FaceGateException.invalid("invalid_" + name, name + " must be " + expected);
        }
    }

    /** A whole number, {@code absent} when not given. */
    public static int number(String name, String value, int absent) {
        Integer number = parsed(name, value, Integer::valueOf, "a whole number");
        return number == null ? absent : number;
    }

    /** true or false. */
    public static Boolean bool(String name, String value) {
        return parsed(name, value, text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(text);
        }, "true or false");
    }

    /** An id (a filter naming an id is not a resource to be missing: a malformed one is a 400, not a 404). */
    public static UUID uuid(String name, String value) {
        return parsed(name, value, UUID::fromString, "an id (UUID)");
    }

    /** An ISO-8601 instant. */
    public static Instant instant(String name, String value) {
        return parsed(name, value, Instant::parse, "an ISO-8601 UTC timestamp like 2025-10-12T10:30:00Z");
    }

    /** An ISO-8601 date such as 2024-03-15. */
    public static LocalDate date(String name, String value) {
        return parsed(name, value, LocalDate::parse, "a date like 2024-03-15");
    }

    /** One of the enum's constants, by name in any case; {@code fallback} when the parameter is absent or blank. */
    public static <E extends Enum<E>> E enumeration(Class<E> type, String name, String value, E fallback) {
        E parsed = enumeration(type, name, value);
        return parsed == null ? fallback : parsed;
    }

    /** One of the enum's constants, by name in any case. */
    public static <E extends Enum<E>> E enumeration(Class<E> type, String name, String value) {
        return parsed(name, value, text -> Enum.valueOf(type, text.toUpperCase(Locale.ROOT)), "one of "
                + Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
    }
}
