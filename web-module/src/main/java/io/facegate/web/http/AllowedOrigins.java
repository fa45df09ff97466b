package io.facegate.web.http;

import jakarta.json.JsonString;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * A client's {@code allowed_origins}: the web pages that may use its credentials from a browser.
 * An empty list allows every origin. Origins compare by scheme, host and port, ignoring case and
 * a default port ({@code https://app.example.com} equals {@code https://APP.example.com:443}).
 */
public final class AllowedOrigins {

    private AllowedOrigins() {
    }

    /** @param allowedJson the client's stored JSON array of origins */
    public static boolean permit(String allowedJson, String origin) {
        var allowed = JsonDocuments.array(allowedJson);
        if (allowed.isEmpty()) {
            return true;
        }
        Optional<String> asked = normalise(origin);
        return asked.isPresent() && allowed.stream()
                .filter(JsonString.class::isInstance)
                .map(v -> normalise(((JsonString) v).getString()))
                .anyMatch(asked::equals);
    }

    /**
     * {@code scheme://host[:port]} in lower case without a default port; empty for anything else
     * (a path or query, the "null" origin, another scheme).
     */
    public static Optional<String> normalise(String origin) {
        if (origin == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(origin.strip());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (scheme == null || uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))
                    || (uri.getPath() != null && !uri.getPath().isEmpty()) || uri.getQuery() != null) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
