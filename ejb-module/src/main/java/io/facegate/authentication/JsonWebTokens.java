package io.facegate.authentication;

import io.facegate.domain.shared.JsonProcessing;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Compact RS256 JSON Web Tokens with the JDK alone. FaceGate signs every token it issues with its
 * own key pair; MicroProfile JWT verifies access tokens, and this class verifies refresh tokens.
 */
public final class JsonWebTokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final String HEADER = B64.encodeToString(
            "{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private JsonWebTokens() {
    }

    public static String sign(JsonObject claims, PrivateKey key) {
        String signingInput = HEADER + "." + B64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign token", e);
        }
    }

    /**
     * The token's claims if its RS256 signature is valid for {@code key} and it has not expired;
     * empty for anything else, including malformed input.
     */
    public static Optional<JsonObject> verify(String token, PublicKey key, Instant now) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonObject header = parse(parts[0]);
            if (!"RS256".equals(header.getString("alg", null))) {
                return Optional.empty();
            }
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(key);
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!signature.verify(B64D.decode(parts[2]))) {
                return Optional.empty();
            }
            JsonObject claims = parse(parts[1]);
            if (!claims.containsKey("exp") || now.getEpochSecond() >= claims.getJsonNumber("exp").longValue()) {
                return Optional.empty();
            }
            return Optional.of(claims);
        } catch (GeneralSecurityException | IllegalArgumentException | JsonException | ClassCastException e) {
            return Optional.empty();
        }
    }

    private static JsonObject parse(String part) {
        try (JsonReader reader = JsonProcessing.PROVIDER.createReader(new StringReader(new String(B64D.decode(part), StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }
}
