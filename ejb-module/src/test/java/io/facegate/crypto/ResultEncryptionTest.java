package io.facegate.crypto;

import org.junit.jupiter.api.Test;

import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ResultEncryptionTest {

    static final String RESULT = "{\"id\":\"2f1c4a52-8d0e-4f7e-9a57-6f0b1c2d3e4f\",\"timestamp\":\"2026-11-23T12:34:56.789Z\","
            + "\"session_type\":\"authentication\",\"session_token\":\"abc123\",\"confidence\":0.95,\"display_name\":\"Zoë 李\"}";

    private final String secret = RandomTokens.next("fgs_", 32);

    @Test
    void decryptsWithTheSecretAsSeed003Describes() throws GeneralSecurityException {
        EncryptedResult encrypted = ResultEncryption.encrypt(RESULT, secret);

        assertEquals("AES-256-CBC", encrypted.encryptionMethod());
        assertEquals("Decrypt with your secret_key to access the data", encrypted.instructions());
        assertEquals(RESULT, decrypt(encrypted.encryptedPayload(), secret));
    }

    @Test
    void everyEncryptionHasItsOwnIv() throws GeneralSecurityException {
        byte[] first = Base64.getDecoder().decode(ResultEncryption.encrypt(RESULT, secret).encryptedPayload());
        byte[] second = Base64.getDecoder().decode(ResultEncryption.encrypt(RESULT, secret).encryptedPayload());

        assertNotEquals(Arrays.toString(Arrays.copyOf(first, 16)), Arrays.toString(Arrays.copyOf(second, 16)));
        int utf8Length = RESULT.getBytes(StandardCharsets.UTF_8).length;
        assertEquals(16 + (utf8Length / 16 + 1) * 16, first.length, "IV + PKCS7-padded ciphertext");
        assertEquals(RESULT, decrypt(Base64.getEncoder().encodeToString(second), secret));
    }

    /** Padding of a whole extra block when the plaintext fills the last one exactly, as PKCS7 requires. */
    @Test
    void padsAFullBlockWithAnotherBlock() throws GeneralSecurityException {
        String sixteen = "{\"a\":\"12345678\"}";
        byte[] payload = Base64.getDecoder().decode(ResultEncryption.encrypt(sixteen, secret).encryptedPayload());
        assertEquals(16 + 32, payload.length);
        assertEquals(sixteen, decrypt(Base64.getEncoder().encodeToString(payload), secret));
    }

    @Test
    void anotherSecretCannotReadIt() {
        String payload = ResultEncryption.encrypt(RESULT, secret).encryptedPayload();
        String other = RandomTokens.next("fgs_", 32);
        // A wrong key almost always leaves invalid padding; if the padding happens to be valid, the text is garbage.
        try {
            assertNotEquals(RESULT, decrypt(payload, other));
        } catch (GeneralSecurityException e) {
            assertEquals(BadPaddingException.class, e.getClass());
        }
    }

    @Test
    void refusesMissingInput() {
        assertThrows(NullPointerException.class, () -> ResultEncryption.encrypt(null, secret));
        assertThrows(NullPointerException.class, () -> ResultEncryption.encrypt(RESULT, null));
    }

    /** The recipe of seed 003, written out independently of {@link ResultEncryption}. */
    private static String decrypt(String encryptedPayload, String secretKey) throws GeneralSecurityException {
        byte[] data = Base64.getDecoder().decode(encryptedPayload);
        byte[] key = MessageDigest.getInstance("SHA-256").digest(secretKey.getBytes(StandardCharsets.UTF_8));
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(data, 0, 16));
        return new String(cipher.doFinal(data, 16, data.length - 16), StandardCharsets.UTF_8);
    }
}
