package io.facegate.crypto;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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
        String decrypted = run(List.of(interpreter, example(script)), input.toString());

        assertEquals(result, parse(decrypted));
    }

    private static String example(String script) throws URISyntaxException {
        return Path.of(SeedDecryptionExamplesTest.class.getResource("/seed-003/" + script).toURI()).toString();
    }

    /** Runs {@code command} with {@code input} (UTF-8) on stdin; its stdout. */
    private static String run(List<String> command, String input) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            return fail(command.get(0) + " is needed to run seed 003's example and was not found;"
                    + " .ci/install-test-prerequisites installs it (" + e.getMessage() + ")");
        }
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), command + " did not finish");
        assertEquals(0, process.exitValue(), command + " failed (python3 needs the cryptography package:"
                + " .ci/install-test-prerequisites installs python3-cryptography):\n" + stderr);
        return stdout;
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
