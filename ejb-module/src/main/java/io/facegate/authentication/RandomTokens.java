package io.facegate.authentication;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable identifiers for credentials handed to callers. */
public final class RandomTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomTokens() {
    }

    /** {@code prefix} followed by {@code bytes} random bytes, base64url without padding. */
    public static String next(String prefix, int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
