package io.facegate.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the browser tests' Node.js scripts ({@code src/test/e2e}, playwright-core driving Debian's Chromium). */
final class E2eNode {

    static final Path E2E = Path.of("src/test/e2e");
    static final Path WORK = Path.of("target/e2e").toAbsolutePath();
    static final Path SCREENSHOTS = Path.of("target/e2e-screenshots").toAbsolutePath();

    /** What a script printed (stdout and stderr together) and how it exited; -1 when it was stopped for taking too long. */
    record Run(int exitCode, String output) {

        /** The script's report: the JSON object on its last line. */
        JsonObject report() {
            String[] lines = output.strip().split("\n");
            try (JsonReader reader = Json.createReader(new StringReader(lines[lines.length - 1]))) {
                return reader.readObject();
            }
        }
    }

    private E2eNode() {
    }

    static boolean installed() {
        return Files.isDirectory(E2E.resolve("node_modules/playwright-core"));
    }

    /** Runs node in src/test/e2e; its output is also kept in target/e2e/{log}.log. */
    static Run run(List<String> arguments, String log, long timeoutSeconds) throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        Path output = WORK.resolve(log + ".log");
        List<String> command = new ArrayList<>(List.of("node"));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).directory(E2E.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            return new Run(-1, "timed out after " + timeoutSeconds + " s\n" + Files.readString(output, StandardCharsets.UTF_8));
        }
        return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    static List<String> strings(JsonArray array) {
        return array == null ? List.of() : array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
