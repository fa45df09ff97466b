package io.facegate.crypto;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The server key that seals data at rest (client secrets, face templates) with AES-256-GCM.
 * It comes from the environment ({@code FACEGATE_MASTER_KEY}, 32 bytes in base64) and never
 * from the database, so a database dump alone reveals nothing sealed.
 */
@ApplicationScoped
public class MasterKey {

    private static final String FORMAT_PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "facegate.master-key")
    String encodedKey;

    private SecretKeySpec key;

    public MasterKey() {
    }

    /** For tests and tools outside the container. */
    public MasterKey(String encodedKey) {
        this.encodedKey = encodedKey;
        init();
    }

    @PostConstruct
    void init() {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(encodedKey.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("FACEGATE_MASTER_KEY is not valid base64", e);
        }
        if (raw.length != 32) {
            throw new IllegalStateException("FACEGATE_MASTER_KEY must be 32 bytes (base64), got " + raw.length);
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    public String sealText(String plain) {
        return FORMAT_PREFIX + Base64.getEncoder().encodeToString(seal(plain.getBytes(StandardCharsets.UTF_8)));
    }

    public String unsealText(String sealed) {
        if (!sealed.startsWith(FORMAT_PREFIX)) {
            throw new IllegalArgumentException("unknown sealed format");
        }
        return new String(unseal(Base64.getDecoder().decode(sealed.substring(FORMAT_PREFIX.length()))), StandardCharsets.UTF_8);
    }

    /** Returns IV followed by ciphertext and tag. */
    public byte[] seal(byte[] plain) {
        return seal(plain, null);
    }

    public byte[] unseal(byte[] sealed) {
        return unseal(sealed, null);
    }

    /**
     * Seals bound to {@code context} (e.g. the owning row's id): the result opens only with the
     * same context, so a sealed value copied to another row is refused rather than used.
     */
    public byte[] seal(byte[] plain, String context) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            bind(cipher, context);
            byte[] body = cipher.doFinal(plain);
            return ByteBuffer.allocate(IV_BYTES + body.length).put(iv).put(body).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    public byte[] unseal(byte[] sealed, String context) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            bind(cipher, context);
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealed data was not sealed with this master key or was altered", e);
        }
    }

    private static void bind(Cipher cipher, String context) {
        if (context != null) {
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        }
    }
}
