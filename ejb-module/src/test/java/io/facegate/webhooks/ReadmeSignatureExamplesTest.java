package io.facegate.webhooks;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.facegate.testing.ExternalProgram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * FaceGate's signatures checked by independent verifiers: the Standard Webhooks Java library, and
 * the Python, Node.js and Java snippets of README.md's "Verifying a signature", run exactly as
 * printed there (a missing python3 or node fails the test: .ci/install-test-prerequisites installs them).
 */
class ReadmeSignatureExamplesTest {

    private static final Path README = Path.of("..", "README.md");
    /** Not ASCII, so a verifier that hashes characters rather than the bytes received fails. */
    private static final String BODY = "{\"type\":\"client_user.deleted\",\"timestamp\":\"2026-01-05T10:00:00Z\","
            + "\"data\":{\"user_id\":\"José Müller 李\"}}";

    private final String oldSecret = WebhookSignature.newSecret();
    private final String newSecret = WebhookSignature.newSecret();
    private final String id = UUID.randomUUID().toString();
    private final long timestamp = Instant.now().getEpochSecond();
    /** As during a rotation: one signature per secret. */
    private final String signatures = WebhookSignature.header(List.of(newSecret, oldSecret), id, timestamp, BODY);

    @Test
    void secretsAreWhsecAndThirtyTwoRandomBytes() {
        assertTrue(newSecret.startsWith("whsec_"), newSecret);
        assertEquals(32, Base64.getDecoder().decode(newSecret.substring(6)).length);
        assertEquals(2, signatures.split(" ").length);
    }

    @Test
    void theStandardWebhooksLibraryAcceptsEitherSecretAndNothingElse() throws Exception {
        Map<String, List<String>> headers = Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(Long.toString(timestamp)),
                "webhook-signature", List.of(signatures));
        new Webhook(oldSecret).verify(BODY, headers);
        new Webhook(newSecret).verify(BODY, headers);
        assertEquals(new Webhook(newSecret).sign(id, timestamp, BODY), WebhookSignature.sign(newSecret, id, timestamp, BODY));
        assertThrows(WebhookVerificationException.class, () -> new Webhook(WebhookSignature.newSecret()).verify(BODY, headers));
        assertThrows(WebhookVerificationException.class, () -> new Webhook(newSecret).verify(BODY.replace("José", "Jose"), headers));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"python", "js", "java"})
    void theReadmeSnippetAcceptsEitherSecretAndRefusesAWrongSecretOrATamperedBody(String language) throws Exception {
        String body = base64(BODY);
        List<String> cases = List.of(
                oldSecret, id, Long.toString(timestamp), signatures, body,
                newSecret, id, Long.toString(timestamp), signatures, body,
                WebhookSignature.newSecret(), id, Long.toString(timestamp), signatures, body,
                newSecret, id, Long.toString(timestamp), signatures, base64(BODY.replace("José", "Jose")),
                newSecret, id, Long.toString(timestamp - 3600), signatures, body);
        assertEquals(List.of("valid", "valid", "invalid", "invalid", "invalid"), run(language, cases));
    }

    /** Runs the README's snippet in {@code language} with a driver that checks each case of five arguments. */
    private static List<String> run(String language, List<String> cases) throws Exception {
        String snippet = snippet(language);
        Path directory = Files.createTempDirectory("readme-" + language);
        List<String> command = new ArrayList<>();
        switch (language) {
            case "python" -> {
                Path script = Files.writeString(directory.resolve("verify.py"), snippet + """

                        import sys
                        for i in range(1, len(sys.argv), 5):
                            s, m, t, sig, b = sys.argv[i:i + 5]
                            headers = {"webhook-id": m, "webhook-timestamp": t, "webhook-signature": sig}
                            print("valid" if verify_webhook(s, headers, base64.b64decode(b)) else "invalid")
                        """);
                command.addAll(List.of("python3", script.toString()));
            }
            case "js" -> {
                Path script = Files.writeString(directory.resolve("verify.js"), snippet + """

                        const args = process.argv.slice(2);
                        for (let i = 0; i < args.length; i += 5) {
                          const [s, m, t, sig, b] = args.slice(i, i + 5);
                          const headers = { 'webhook-id': m, 'webhook-timestamp': t, 'webhook-signature': sig };
                          console.log(verifyWebhook(s, headers, Buffer.from(b, 'base64')) ? 'valid' : 'invalid');
                        }
                        """);
                command.addAll(List.of("node", script.toString()));
            }
            default -> {
                Path source = Files.writeString(directory.resolve("Verify.java"), """
                        import java.nio.charset.StandardCharsets;
                        import java.security.MessageDigest;
                        import java.time.Instant;
                        import java.util.Base64;
                        import javax.crypto.Mac;
                        import javax.crypto.spec.SecretKeySpec;

                        public class Verify {
                        """ + snippet + """

                            public static void main(String[] a) throws Exception {
                                for (int i = 0; i < a.length; i += 5) {
                                    boolean valid = verifyWebhook(a[i], a[i + 1], a[i + 2], a[i + 3], Base64.getDecoder().decode(a[i + 4]));
                                    System.out.println(valid ? "valid" : "invalid");
                                }
                            }
                        }
                        """);
                command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), source.toString()));
            }
        }
        command.addAll(cases);
        return ExternalProgram.run(command, "", "README's " + language + " example").lines().toList();
    }

    /** The fenced {@code language} block of README's "Verifying a signature". */
    private static String snippet(String language) throws IOException {
        String readme = Files.readString(README);
        int section = readme.indexOf("### Verifying a signature");
        assertTrue(section >= 0, "README.md has a \"Verifying a signature\" section");
        Matcher block = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(block.find(section), "README.md shows the verification in " + language);
        return block.group(1);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
