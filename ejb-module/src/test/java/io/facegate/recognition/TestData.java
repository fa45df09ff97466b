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

    /**
     * One engine for the whole test JVM (loading and warming up the models takes seconds), run as the
     * system properties {@code facegate.inference.engine}, {@code .pool-size} and {@code .threads}
     * say, or with the defaults.
     */
    public static synchronized FaceEngine engine() {
        if (engine == null) {
            engine = engine(inference());
        }
        return engine;
    }

    /** The inference settings the system properties ask for (see {@link #engine()}). */
    public static InferenceSettings inference() {
        InferenceSettings defaults = InferenceSettings.defaults();
        return new InferenceSettings(InferenceEngine.named(System.getProperty("facegate.inference.engine", InferenceSettings.DEFAULT_ENGINE)),
                Integer.getInteger("facegate.inference.pool-size", defaults.poolSize()),
                Integer.getInteger("facegate.inference.threads", defaults.threads()));
    }

    /** A new engine of its own, loaded and warmed up; the caller closes it. */
    public static FaceEngine engine(InferenceSettings inference) {
        FaceEngine loaded = new FaceEngine(RecognitionSettings.defaults(inference));
        if (!loaded.status().loaded()) {
            throw new IllegalStateException("face engine did not load: " + loaded.status().error());
        }
        return loaded;
    }

    public static DecodedImage image(Path file) {
        return engine().decode(file.getFileName().toString(), bytes(file));
    }
}
