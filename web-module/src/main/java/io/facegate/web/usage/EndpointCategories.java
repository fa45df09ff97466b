package io.facegate.web.usage;

import io.facegate.domain.usage.EndpointCategory;

import java.util.List;
import java.util.Map;

import static io.facegate.domain.usage.EndpointCategory.ANALYTICS;
import static io.facegate.domain.usage.EndpointCategory.AUTHENTICATION;
import static io.facegate.domain.usage.EndpointCategory.CLIENTS;
import static io.facegate.domain.usage.EndpointCategory.ENROLLMENT;
import static io.facegate.domain.usage.EndpointCategory.LIVENESS;
import static io.facegate.domain.usage.EndpointCategory.OTHER;
import static io.facegate.domain.usage.EndpointCategory.RECOGNITION;
import static io.facegate.domain.usage.EndpointCategory.SYSTEM;
import static io.facegate.domain.usage.EndpointCategory.WEBHOOK;

/**
 * The one table from API paths (below {@code /api/}) to usage categories. The first matching
 * prefix wins, so more specific prefixes come first; a prefix matches whole path segments.
 */
public final class EndpointCategories {

    private static final List<Map.Entry<String, EndpointCategory>> PREFIXES = List.of(
            // Seed 004's API.
            Map.entry("v1/auth", AUTHENTICATION),
            Map.entry("v1/face/enroll", ENROLLMENT),
            Map.entry("v1/face", RECOGNITION),
            Map.entry("v1/mobile/check-in", RECOGNITION),
            Map.entry("v1/mobile", CLIENTS),
            Map.entry("v1/users", CLIENTS),
            Map.entry("v1/attendance", ANALYTICS),
            Map.entry("core/auth", AUTHENTICATION),
            Map.entry("auth/client", AUTHENTICATION),
            Map.entry("auth/enrollment", ENROLLMENT),
            Map.entry("enrollment", ENROLLMENT),
            Map.entry("auth/liveness", LIVENESS),
            Map.entry("liveness", LIVENESS),
            // Face authentication sessions (seed 001: /auth/authentication/, /auth/process-image/,
            // seed 000: /auth/face/..., /auth/sessions/...) are recognition, as seed 000 bills them.
            Map.entry("auth", RECOGNITION),
            Map.entry("faces", RECOGNITION),
            Map.entry("recognition", RECOGNITION),
            Map.entry("facial-recognition", RECOGNITION),
            // Seed 002's Python API: its users are enrollments, the rest is recognition on cameras.
            Map.entry("users", ENROLLMENT),
            Map.entry("status", RECOGNITION),
            Map.entry("start", RECOGNITION),
            Map.entry("stop", RECOGNITION),
            Map.entry("results", RECOGNITION),
            Map.entry("latest", RECOGNITION),
            Map.entry("stats", RECOGNITION),
            Map.entry("config", RECOGNITION),
            Map.entry("webhooks", WEBHOOK),
            Map.entry("webhook", WEBHOOK),
            Map.entry("clients/usage", ANALYTICS),
            Map.entry("analytics", ANALYTICS),
            Map.entry("clients", CLIENTS),
            Map.entry("core/clients", CLIENTS),
            Map.entry("system", SYSTEM),
            Map.entry("core/jobs", SYSTEM),
            Map.entry("schema", SYSTEM));

    private EndpointCategories() {
    }

    /** @param apiPath the path below {@code /api/}, with or without leading and trailing slashes */
    public static EndpointCategory of(String apiPath) {
        String path = trimSlashes(apiPath == null ? "" : apiPath);
        for (Map.Entry<String, EndpointCategory> prefix : PREFIXES) {
            String start = prefix.getKey();
            if (path.equals(start) || path.startsWith(start + "/")) {
                return prefix.getValue();
            }
        }
        return OTHER;
    }

    private static String trimSlashes(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }
}
