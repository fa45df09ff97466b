package io.facegate.usage;

import io.facegate.domain.usage.EndpointCategory;
import io.facegate.system.ErrorKind;
import io.facegate.system.FaceGateException;
import io.facegate.system.Period;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which usage rows a caller asks for; every part is optional. Statuses are an inclusive range (one
 * code, or a class such as 4xx); {@code from} and {@code to} are inclusive instants.
 */
public record UsageFilter(EndpointCategory category, Integer minStatus, Integer maxStatus, String method,
                          Instant from, Instant to) {

    /** HTTP methods, and WEBSOCKET for frames streamed over a session's WebSocket. */
    public static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", CallOrigin.WEBSOCKET_METHOD);

    private static final Pattern STATUS_CODE = Pattern.compile("[1-5]\\d\\d");
    private static final Pattern STATUS_CLASS = Pattern.compile("([1-5])xx");

    public static UsageFilter none() {
        return new UsageFilter(null, null, null, null, null, null);
    }

    /**
     * Reads the query parameters of the usage endpoints; anything malformed is a 400 naming the
     * parameter; {@code from} and {@code to} as {@link Period#parse} reads them.
     */
    public static UsageFilter parse(String category, String status, String method, String from, String to) {
        Period period = Period.parse(from, to);
        int[] statuses = blank(status) ? null : statusRange(status.strip());
        return new UsageFilter(blank(category) ? null : category(category.strip()),
                statuses == null ? null : statuses[0], statuses == null ? null : statuses[1],
                blank(method) ? null : method(method.strip()), period.from(), period.to());
    }

    /** This filter over its own period, or over the last {@code days} UTC days (today included) when it has none. */
    public UsageFilter withPeriodOrLastDays(int days, Instant now) {
        Instant end = to != null ? to : now;
        Instant start = from != null ? from
                : end.atOffset(ZoneOffset.UTC).toLocalDate().minusDays(days - 1L).atStartOfDay().toInstant(ZoneOffset.UTC);
        return new UsageFilter(category, minStatus, maxStatus, method, start, end);
    }

    /** Refuses periods longer than {@code maxDays}; both ends must be set. */
    public void requirePeriodAtMost(int maxDays) {
        if (Duration.between(from, to).compareTo(Duration.ofDays(maxDays)) > 0) {
            throw new FaceGateException(ErrorKind.INVALID_REQUEST, "invalid_date_range",
                    "the period may span at most " + maxDays + " days", Map.of("max_days", maxDays));
        }
    }

    private static EndpointCategory category(String code) {
        return EndpointCategory.fromCode(code).orElseThrow(() -> new FaceGateException(
                ErrorKind.INVALID_REQUEST, "invalid_category", "unknown category: " + code,
                Map.of("allowed", Arrays.stream(EndpointCategory.values()).map(EndpointCategory::code).toList())));
    }

    private static int[] statusRange(String status) {
        Matcher statusClass = STATUS_CLASS.matcher(status.toLowerCase(Locale.ROOT));
        if (statusClass.matches()) {
            int hundreds = Integer.parseInt(statusClass.group(1)) * 100;
            return new int[]{hundreds, hundreds + 99};
        }
        if (STATUS_CODE.matcher(status).matches()) {
            int code = Integer.parseInt(status);
            return new int[]{code, code};
        }
        throw FaceGateException.invalid("invalid_status", "status must be a code such as 404 or a class such as 4xx");
    }

    private static String method(String method) {
        String upper = method.toUpperCase(Locale.ROOT);
        if (!METHODS.contains(upper)) {
            throw new FaceGateException(ErrorKind.INVALID_REQUEST, "invalid_method",
                    "unknown method: " + method, Map.of("allowed", List.copyOf(new TreeSet<>(METHODS))));
        }
        return upper;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
