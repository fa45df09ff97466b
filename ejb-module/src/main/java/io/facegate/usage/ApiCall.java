package io.facegate.usage;

import io.facegate.domain.usage.ApiUsage;
import io.facegate.domain.usage.EndpointCategory;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * One finished API call as the web tier saw it, queued until it is written. Turning it into a row
 * (and its metadata into JSON) happens off the request thread, in {@link #toUsage()}.
 *
 * @param queryParameters decoded query parameters, each with all its values
 * @param viewName        the resource class and method that answered, e.g. {@code ClientUserResource#list}
 */
public record ApiCall(UUID clientId, EndpointCategory endpoint, String method, int statusCode, double responseTimeMs,
                      String ipAddress, String userAgent, String path, Map<String, List<String>> queryParameters,
                      String viewName, Instant createdAt) {

    static final String REDACTED = "[redacted]";
    static final int MAX_QUERY_PARAMETERS = 32;
    static final int MAX_TEXT_LENGTH = 256;
    static final int MAX_PATH_LENGTH = 1024;

    /** Query parameters whose values are credentials: their names are kept, never their values. */
    private static final List<String> SECRET_NAME_PARTS = List.of("secret", "token", "password", "key", "jwt");

    public ApiUsage toUsage() {
        return new ApiUsage(clientId, endpoint, method, statusCode, responseTimeMs, ipAddress, userAgent,
                metadata(), createdAt);
    }

    /** Seed 000's {@code {"path", "query_params", "view_name"}}; a repeated parameter becomes an array. */
    String metadata() {
        JsonObjectBuilder query = Json.createObjectBuilder();
        queryParameters.entrySet().stream().limit(MAX_QUERY_PARAMETERS).forEach(parameter -> {
            String name = cut(parameter.getKey(), MAX_TEXT_LENGTH);
            List<String> values = isSecret(name) ? List.of(REDACTED) : parameter.getValue();
            if (values.size() == 1) {
                query.add(name, cut(values.get(0), MAX_TEXT_LENGTH));
            } else {
                JsonArrayBuilder array = Json.createArrayBuilder();
                values.stream().limit(MAX_QUERY_PARAMETERS).forEach(value -> array.add(cut(value, MAX_TEXT_LENGTH)));
                query.add(name, array);
            }
        });
        JsonObjectBuilder metadata = Json.createObjectBuilder()
                .add("path", cut(path, MAX_PATH_LENGTH))
                .add("query_params", query);
        if (viewName != null) {
            metadata.add("view_name", viewName);
        } else {
            metadata.addNull("view_name");
        }
        return metadata.build().toString();
    }

    private static boolean isSecret(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return SECRET_NAME_PARTS.stream().anyMatch(lower::contains);
    }

    private static String cut(String value, int maxLength) {
        String text = value == null ? "" : value;
        return text.length() <= maxLength ? text : text.substring(0, maxLength);
    }
}
