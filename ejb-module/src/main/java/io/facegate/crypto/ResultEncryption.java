package io.facegate.crypto;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * Encrypts enrolment and authentication results for the client, exactly as the decryption examples
 * of seed 003 expect: AES-256-CBC with PKCS7 padding, key = SHA-256 of the client's API secret
 * (UTF-8), a random 16-byte IV before the ciphertext, the whole base64-encoded (standard alphabet,
 * padded). Only the client and FaceGate know the secret, so only they can read the result.
 */
public final class ResultEncryption {

    public static final String METHOD = "AES-256-CBC";
    public static final String INSTRUCTIONS = "Decrypt with your secret_key to access the data";

    private static final int IV_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ResultEncryption() {
    }

    /** {@code json} (UTF-8) encrypted with the key derived from {@code clientSecret}, in seed 003's envelope. */
    public static EncryptedResult encrypt(String json, String clientSecret) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(clientSecret, "clientSecret");
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            // Java's "PKCS5Padding" for a 16-byte block cipher is PKCS7.
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key(clientSecret), "AES"), new IvParameterSpec(iv));
            byte[] ciphertext = cipher.doFinal(json.getBytes(StandardCharsets.UTF_8));
            byte[] payload = new byte[IV_BYTES + ciphertext.length];
            System.arraycopy(iv, 0, payload, 0, IV_BYTES);
            System.arraycopy(ciphertext, 0, payload, IV_BYTES, ciphertext.length);
            return new EncryptedResult(Base64.getEncoder().encodeToString(payload), METHOD, INSTRUCTIONS);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CBC is unavailable in this JVM", e);
        }
    }

    private static byte[] key(String clientSecret) {
        return Sha256.of(clientSecret);
    }
}
