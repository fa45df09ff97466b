package io.facegate.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs a program the tests need besides Java (python3, node): its absence fails the test rather than
 * skipping it, since .ci/install-test-prerequisites installs them.
 */
public final class ExternalProgram {

    private ExternalProgram() {
    }

    /** Runs {@code command} with {@code input} (UTF-8) on stdin; its stdout. A failure shows its stderr and {@code hint}. */
    public static String run(List<String> command, String input, String hint) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            return fail(command.get(0) + " was not found; .ci/install-test-prerequisites installs it (" + e.getMessage() + ")");
        }
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), command + " did not finish");
        assertEquals(0, process.exitValue(), command + " failed (" + hint + "):\n" + stderr);
        return stdout;
    }
}
