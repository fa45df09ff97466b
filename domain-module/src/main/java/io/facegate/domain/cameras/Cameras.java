package io.facegate.domain.cameras;

import java.net.URI;
import java.net.URISyntaxException;

/** Text checks and URL masking shared by the camera entities. */
final class Cameras {

    private Cameras() {
    }

    static String requireText(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return optionalText(value, field, maxLength);
    }

    static String optionalText(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > maxLength) {
            throw new IllegalArgumentException(field + " must be at most " + maxLength + " characters");
        }
        return text;
    }

    /** {@code url} as shown to clients: the user name in it, the password as {@code ****}. */
    static String masked(String url, String username, boolean hasPassword) {
        if (url == null || username == null) {
            return url;
        }
        try {
            URI uri = new URI(url);
            return new URI(uri.getScheme(), hasPassword ? username + ":****" : username, uri.getHost(), uri.getPort(),
                    uri.getPath(), uri.getQuery(), uri.getFragment()).toString();
        } catch (URISyntaxException e) {
            return url;
        }
    }
}
