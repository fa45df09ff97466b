package io.facegate.crypto;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

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

    /**
     * SHA-256 of a token, in hex: what is stored of a bearer token, so a database reader cannot
     * use it. A fast hash suffices because the token itself is long and random.
     */
    public static String fingerprint(String token) {
        return HexFormat.of().formatHex(Sha256.of(token));
    }
}
