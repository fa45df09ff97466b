package io.facegate.authentication;

import io.facegate.crypto.Sha256;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, briefly, API key + secret pairs that passed the slow hash, so that callers using the
 * {@code X-API-Key}/{@code X-API-Secret} headers on every request do not pay PBKDF2 each time.
 * Only a SHA-256 fingerprint of the secret is kept; rotation and disabling evict the entry.
 */
@ApplicationScoped
public class VerifiedCredentialCache {

    private static final Duration TTL = Duration.ofSeconds(60);
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(UUID clientId, byte[] secretFingerprint, Instant expiresAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public UUID lookup(String apiKey, String apiSecret) {
        Entry entry = entries.get(apiKey);
        if (entry == null || Instant.now().isAfter(entry.expiresAt())) {
            return null;
        }
        return MessageDigest.isEqual(entry.secretFingerprint(), fingerprint(apiSecret)) ? entry.clientId() : null;
    }

    public void remember(String apiKey, String apiSecret, UUID clientId) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(apiKey, new Entry(clientId, fingerprint(apiSecret), Instant.now().plus(TTL)));
    }

    public void evict(String apiKey) {
        entries.remove(apiKey);
    }

    private static byte[] fingerprint(String secret) {
        return Sha256.of(secret);
    }
}
