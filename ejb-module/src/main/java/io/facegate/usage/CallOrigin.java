package io.facegate.usage;

import java.util.List;
import java.util.Map;

/**
 * Where a call came from, as its boundary saw it: what a usage row records besides the use case's
 * own facts (client, category, outcome).
 *
 * @param method          the HTTP method, or {@code WEBSOCKET} for a message on a stream
 * @param path            the path as called (before any alias rewriting)
 * @param queryParameters decoded query parameters, each with all its values
 * @param ipAddress       the caller's address (X-Forwarded-For only from trusted proxies)
 * @param viewName        what answered, e.g. {@code ClientUserResource#list}; may be null
 */
public record CallOrigin(Transport transport, String method, String path, Map<String, List<String>> queryParameters,
                         String ipAddress, String userAgent, String viewName) {

    /** The method recorded for a message on a WebSocket stream. */
    public static final String WEBSOCKET_METHOD = "WEBSOCKET";

    public CallOrigin {
        queryParameters = queryParameters == null ? Map.of() : queryParameters;
    }

    public CallOrigin answeredBy(String newViewName) {
        return new CallOrigin(transport, method, path, queryParameters, ipAddress, userAgent, newViewName);
    }
}
