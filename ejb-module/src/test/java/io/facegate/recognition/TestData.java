package io.facegate.recognition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The shared test photos ({@code facegate.shared}/data) and the models' ONNX originals ({@code facegate.models.dir}). */
public final class TestData {

    private static FaceEngine engine;

    private TestData() {
    }

    public static Path data(String relative) {
        return Path.of(System.getProperty("facegate.shared", "../../shared"), "data").resolve(relative);
    }

    public static Path models(String relative) {
        return Path.of(System.getProperty("facegate.models.dir", "../models")).resolve(relative);
    }

    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CSV rows without the header line, split on commas. */
    public static List<String[]> csv(Path file) {
        try {
            return Files.readAllLines(file).stream().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One engine for the whole test JVM: loading and warming up the models takes seconds. */
    public static synchronized FaceEngine engine() {
        if (engine == null) {
            engine = new FaceEngine(RecognitionSettings.defaults());
            if (!engine.status().loaded()) {
                throw new IllegalStateException("face engine did not load: " + engine.status().error());
            }
        }
        return engine;
    }

    public static DecodedImage image(Path file) {
        return engine().decode(file.getFileName().toString(), bytes(file));
    }
}
