package io.facegate.crypto;

import io.facegate.testing.ExternalProgram;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Seed 003's own decryption examples, run unchanged (src/test/resources/seed-003/) on what
 * {@link ResultEncryption} produces, inside a seed-shaped {@code authentication_complete} message.
 * Node.js and python3 with the {@code cryptography} package must be installed: CI installs them
 * (.ci/install-test-prerequisites), so a missing one fails the test rather than skipping it.
 */
class SeedDecryptionExamplesTest {

    @ParameterizedTest(name = "{0} example, secret {1}")
    @CsvSource({
            "node,    decrypt-response.js, fgs_ASCII-secret_0123456789abcdefghijklmnopqrstuvwxyzAB",
            "node,    decrypt-response.js, sécret-with-ünïcode-李",
            "python3, decrypt-response.py, fgs_ASCII-secret_0123456789abcdefghijklmnopqrstuvwxyzAB",
            "python3, decrypt-response.py, sécret-with-ünïcode-李"
    })
    void theSeedsExampleDecryptsTheResult(String interpreter, String script, String secret) throws Exception {
        JsonObject result = parse(ResultEncryptionTest.RESULT);
        EncryptedResult encrypted = ResultEncryption.encrypt(result.toString(), secret);
        JsonObject message = Json.createObjectBuilder()
                .add("type", "authentication_complete")
                .add("success", true)
                .add("encrypted_data", Json.createObjectBuilder()
                        .add("encrypted_payload", encrypted.encryptedPayload())
                        .add("encryption_method", encrypted.encryptionMethod())
                        .add("instructions", encrypted.instructions()))
                .build();

        JsonObject input = Json.createObjectBuilder().add("response", message).add("secret_key", secret).build();
        String decrypted = ExternalProgram.run(List.of(interpreter, example(script)), input.toString(),
                "python3 needs the cryptography package: .ci/install-test-prerequisites installs python3-cryptography");

        assertEquals(result, parse(decrypted));
    }

    private static String example(String script) throws URISyntaxException {
        return Path.of(SeedDecryptionExamplesTest.class.getResource("/seed-003/" + script).toURI()).toString();
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
