package io.facegate.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Seed 003's algorithm written out independently of the server: AES-256-CBC, key SHA-256(secret), IV first, PKCS7. */
public final class ResultDecryption {

    private ResultDecryption() {
    }

    /** The payload of an {@code encrypted_data} object, which must carry a timestamp. */
    public static JsonObject decrypt(JsonObject encryptedData, String apiSecret) throws Exception {
        assertEquals("AES-256-CBC", encryptedData.getString("encryption_method"));
        byte[] data = Base64.getDecoder().decode(encryptedData.getString("encrypted_payload"));
        byte[] key = MessageDigest.getInstance("SHA-256").digest(apiSecret.getBytes(StandardCharsets.UTF_8));
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(data, 16)));
        String json = new String(cipher.doFinal(data, 16, data.length - 16), StandardCharsets.UTF_8);
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonObject payload = reader.readObject();
            assertNotNull(payload.getString("timestamp"));
            return payload;
        }
    }
}
