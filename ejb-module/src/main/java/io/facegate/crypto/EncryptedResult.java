package io.facegate.crypto;

/**
 * A session result only the client can read: seed 003's {@code encrypted_data} object
 * ({@code encrypted_payload}, {@code encryption_method}, {@code instructions} once serialised in snake_case).
 */
public record EncryptedResult(String encryptedPayload, String encryptionMethod, String instructions) {
}
