package io.facegate.authentication;

import io.facegate.domain.shared.JsonProcessing;
import io.facegate.system.FaceGateException;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;

import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
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
        JsonArray allowed;
        try (JsonReader reader = JsonProcessing.PROVIDER.createReader(new StringReader(allowedJson == null ? "[]" : allowedJson))) {
            allowed = reader.readArray();
        }
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
     * The origins as stored (a JSON array of the given spellings), each checked.
     *
     * @throws FaceGateException 400 {@code invalid_origin} for an entry that is not {@code scheme://host[:port]}
     */
    public static String json(List<String> origins) {
        JsonArrayBuilder array = JsonProcessing.PROVIDER.createArrayBuilder();
        for (String origin : origins) {
            if (origin == null || normalise(origin).isEmpty()) {
                throw FaceGateException.invalid("invalid_origin", "allowed_origins must be strings like https://app.example.com");
            }
            array.add(origin.strip());
        }
        return array.build().toString();
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
