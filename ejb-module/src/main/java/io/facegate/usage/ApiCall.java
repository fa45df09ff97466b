package io.facegate.usage;

import io.facegate.domain.shared.JsonProcessing;
import io.facegate.domain.usage.ApiUsage;
import io.facegate.domain.usage.EndpointCategory;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * One finished call of a client, queued until it is written. Turning it into a row (and its
 * metadata into JSON) happens off the request thread, in {@link #toUsage()}. Every text a caller
 * chose (path, query, user agent) is cut to size and cleaned of what PostgreSQL cannot store.
 */
public record ApiCall(UUID clientId, EndpointCategory endpoint, CallOrigin origin, int statusCode, double responseTimeMs,
                      Instant createdAt) {

    static final String REDACTED = "[redacted]";
    static final int MAX_QUERY_PARAMETERS = 32;
    static final int MAX_TEXT_LENGTH = 256;
    static final int MAX_PATH_LENGTH = 1024;
    static final int MAX_USER_AGENT_LENGTH = 512;
    static final int MAX_METHOD_LENGTH = 16;
    static final int MAX_ADDRESS_LENGTH = 45;

    /** Query parameters whose values are credentials: their names are kept, never their values. */
    private static final List<String> SECRET_NAME_PARTS = List.of("secret", "token", "password", "key", "jwt");

    public ApiUsage toUsage() {
        return new ApiUsage(clientId, endpoint, text(origin.method(), MAX_METHOD_LENGTH), statusCode, responseTimeMs,
                text(origin.ipAddress(), MAX_ADDRESS_LENGTH), text(origin.userAgent(), MAX_USER_AGENT_LENGTH), metadata(), createdAt);
    }

    /** Seed 000's {@code {"path", "query_params", "view_name"}} and the transport; a repeated parameter becomes an array. */
    String metadata() {
        JsonObjectBuilder query = JsonProcessing.PROVIDER.createObjectBuilder();
        origin.queryParameters().entrySet().stream().limit(MAX_QUERY_PARAMETERS).forEach(parameter -> {
            String name = text(parameter.getKey(), MAX_TEXT_LENGTH);
            List<String> values = isSecret(name) ? List.of(REDACTED) : parameter.getValue();
            if (values.size() == 1) {
                query.add(name, text(values.get(0), MAX_TEXT_LENGTH));
            } else {
                JsonArrayBuilder array = JsonProcessing.PROVIDER.createArrayBuilder();
                values.stream().limit(MAX_QUERY_PARAMETERS).forEach(value -> array.add(text(value, MAX_TEXT_LENGTH)));
                query.add(name, array);
            }
        });
        JsonObjectBuilder metadata = JsonProcessing.PROVIDER.createObjectBuilder()
                .add("path", text(origin.path() == null ? "" : origin.path(), MAX_PATH_LENGTH))
                .add("query_params", query)
                .add("transport", origin.transport().apiName());
        if (origin.viewName() != null) {
            metadata.add("view_name", origin.viewName());
        } else {
            metadata.addNull("view_name");
        }
        return metadata.build().toString();
    }

    private static boolean isSecret(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return SECRET_NAME_PARTS.stream().anyMatch(lower::contains);
    }

    /**
     * At most {@code maxLength} characters, without NUL: PostgreSQL text and jsonb cannot hold
     * U+0000, and one such character would fail the whole batch the row is written in.
     */
    static String text(String value, int maxLength) {
        if (value == null) {
            return null;
        }
        String clean = value.indexOf('\0') < 0 ? value : value.replace('\0', '\uFFFD');
        return clean.length() <= maxLength ? clean : clean.substring(0, maxLength);
    }
}
