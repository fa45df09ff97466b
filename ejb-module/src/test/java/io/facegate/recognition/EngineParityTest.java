package io.facegate.recognition;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PyTorch and ONNX Runtime give the same answers on the real photos: the same faces, embeddings
 * within 1e-4 of cosine, the same match decision on every dev pair. Either engine may then be
 * configured without re-calibrating anything.
 */
class EngineParityTest {

    /** 1 - cosine between the two engines' embeddings of the same face. */
    private static final double EMBEDDING_TOLERANCE = 1e-4;
    /** Detector outputs differ by float32 summation order (~1e-6 of the frame): far below a pixel. */
    private static final double BOX_TOLERANCE_PX = 0.05;
    private static final double PROBABILITY_TOLERANCE = 1e-3;
    private static final Pattern IMAGE = Pattern.compile("(?i).+\\.(jpe?g|png|bmp|gif|webp)");
    private static final Set<FaceAttribute> EVERYTHING_BUT_POSE =
            EnumSet.of(FaceAttribute.EMBEDDING, FaceAttribute.LIVENESS, FaceAttribute.EYES);

    private static FaceEngine pytorch;
    private static FaceEngine onnxRuntime;
    /** identities/-relative path -> the faces found on PyTorch [0] and on ONNX Runtime [1]. */
    private static final Map<String, List<DetectedFace>[]> IDENTITIES = new HashMap<>();

    @BeforeAll
    static void analyzeTheIdentityPhotos() {
        pytorch = TestData.engine(new InferenceSettings(InferenceEngine.PYTORCH, 1, 1));
        onnxRuntime = TestData.engine(new InferenceSettings(InferenceEngine.ONNX_RUNTIME, 1, 1));
        Path identities = TestData.data("identities");
        for (Path photo : images(identities)) {
            IDENTITIES.put(identities.relativize(photo).toString(), analyzeOnBoth(photo, EVERYTHING_BUT_POSE));
        }
    }

    @AfterAll
    static void close() {
        pytorch.close();
        onnxRuntime.close();
    }

    /** Every identity photo: the same faces, embeddings, liveness and eye scores on both engines. */
    @Test
    void identityPhotosGiveTheSameFacesAndEmbeddings() {
        double worstEmbedding = 0;
        int faces = 0;
        for (Map.Entry<String, List<DetectedFace>[]> entry : IDENTITIES.entrySet()) {
            String name = entry.getKey();
            List<DetectedFace>[] both = entry.getValue();
            for (int i = 0; i < both[0].size(); i++) {
                DetectedFace a = both[0].get(i);
                DetectedFace b = both[1].get(i);
                double distance = 1 - a.embedding().similarity(b.embedding());
                worstEmbedding = Math.max(worstEmbedding, distance);
                assertTrue(distance <= EMBEDDING_TOLERANCE, name + " face " + i + ": 1 - cosine " + distance);
                assertEquals(a.livenessScore(), b.livenessScore(), PROBABILITY_TOLERANCE, name + " liveness");
                assertEquals(a.eyesOpen()[0], b.eyesOpen()[0], PROBABILITY_TOLERANCE, name + " left eye");
                assertEquals(a.eyesOpen()[1], b.eyesOpen()[1], PROBABILITY_TOLERANCE, name + " right eye");
                faces++;
            }
        }
        System.out.printf("engine parity: %d faces in identities/, worst 1 - cosine %.2e%n", faces, worstEmbedding);
        assertTrue(faces >= 119, faces + " faces");
    }

    /** The detection set: group photos, crowds, no-face images, hard faces, every file format. */
    @Test
    void detectionPhotosGiveTheSameFaces() {
        int faces = 0;
        for (Path photo : images(TestData.data("detection"))) {
            if (!photo.toString().contains("invalid_images")) {
                faces += analyzeOnBoth(photo, Set.of())[0].size();
            }
        }
        System.out.printf("engine parity: %d faces in detection/%n", faces);
        assertTrue(faces >= 54, faces + " faces");
    }

    /** Every pair of pairs_dev.csv: both engines decide "same person" or not alike. */
    @Test
    void devPairsGetTheSameDecisions() {
        int decided = 0;
        for (String[] pair : TestData.csv(TestData.data("identities/pairs_dev.csv"))) {
            List<DetectedFace>[] a = IDENTITIES.get(pair[0]);
            List<DetectedFace>[] b = IDENTITIES.get(pair[1]);
            if (a[0].isEmpty() || b[0].isEmpty()) {
                continue;
            }
            double onPytorch = a[0].get(0).embedding().similarity(b[0].get(0).embedding());
            double onOnnxRuntime = a[1].get(0).embedding().similarity(b[1].get(0).embedding());
            assertEquals(pytorch.matches(onPytorch), onnxRuntime.matches(onOnnxRuntime),
                    pair[0] + " vs " + pair[1] + ": " + onPytorch + " on PyTorch, " + onOnnxRuntime + " on ONNX Runtime");
            decided++;
        }
        assertTrue(decided >= 590, decided + " pairs");
    }

    @SuppressWarnings("unchecked")
    private static List<DetectedFace>[] analyzeOnBoth(Path photo, Set<FaceAttribute> attributes) {
        List<DetectedFace>[] both = new List[2];
        FaceEngine[] engines = {pytorch, onnxRuntime};
        for (int e = 0; e < 2; e++) {
            try (DecodedImage image = engines[e].decode(photo.getFileName().toString(), TestData.bytes(photo))) {
                both[e] = engines[e].analyze(image, attributes);
            }
        }
        assertEquals(both[0].size(), both[1].size(), photo + ": faces found");
        for (int i = 0; i < both[0].size(); i++) {
            FaceBox a = both[0].get(i).box();
            FaceBox b = both[1].get(i).box();
            double worst = Math.max(Math.max(Math.abs(a.x() - b.x()), Math.abs(a.y() - b.y())),
                    Math.max(Math.abs(a.width() - b.width()), Math.abs(a.height() - b.height())));
            assertTrue(worst <= BOX_TOLERANCE_PX, photo + " face " + i + ": boxes differ by " + worst + " px: " + a + " vs " + b);
            assertEquals(both[0].get(i).quality().issues(), both[1].get(i).quality().issues(), photo + " face " + i + " quality");
        }
        return both;
    }

    /** The image files below {@code folder}, in path order. */
    private static List<Path> images(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> IMAGE.matcher(file.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
