package io.facegate.recognition;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped models, on each DJL engine (TorchScript on PyTorch, the batch-agnostic ONNX graphs on
 * ONNX Runtime), must compute what the original batch-1 ONNX graphs compute in ONNX Runtime item by
 * item, and what the converter recorded in the fixtures (models/convert/fixtures).
 */
class FaceModelsTest {

    /** Float32 summation-order noise; liveness (raw 0..255 input) and pose (large logits) get more. */
    private static final double TOLERANCE = 1e-4;
    private static final double LOOSE_TOLERANCE = 2e-4;

    private static final Pattern FILE = Pattern.compile("\"file\":\\s*\"([^\"]+)\"");

    private static final Map<InferenceEngine, FaceModels> MODELS = new EnumMap<>(InferenceEngine.class);
    private static OrtEnvironment ort;

    @BeforeAll
    static void load() {
        for (InferenceEngine engine : InferenceEngine.values()) {
            MODELS.put(engine, new FaceModels(FaceModelsTest.class.getClassLoader(), new InferenceSettings(engine, 1, 1)));
        }
        ort = OrtEnvironment.getEnvironment();
    }

    @AfterAll
    static void close() {
        MODELS.values().forEach(FaceModels::close);
    }

    /** Every engine, every model but pose (no fixture), once each. */
    static Stream<Arguments> enginesAndModels() {
        return Arrays.stream(InferenceEngine.values()).flatMap(engine -> Arrays.stream(FaceModel.values())
                .filter(model -> model != FaceModel.POSE).map(model -> Arguments.of(engine, model)));
    }

    @ParameterizedTest
    @MethodSource("enginesAndModels")
    void matchesFixturesAndOnnxRuntime(InferenceEngine engine, FaceModel model) throws Exception {
        FaceModels models = MODELS.get(engine);
        String name = model.baseName();
        // The fixture's JSON lists the input file first, then the outputs in the traced order.
        String json = new String(TestData.bytes(TestData.models("convert/fixtures/" + name + ".json")), StandardCharsets.UTF_8);
        List<String> files = FILE.matcher(json).results().map(m -> m.group(1)).toList();
        float[] input = floats(TestData.models("convert/fixtures/" + files.get(0)));
        int batch = input.length / model.itemSize();

        float[][] djl = models.run(model, new FaceModels.Input(input, batch));
        float[][] onnx = onnxRuntime(model, input, batch);
        double tolerance = model == FaceModel.LIVENESS ? LOOSE_TOLERANCE : TOLERANCE;
        assertEquals(files.size() - 1, djl.length);
        for (int i = 0; i < djl.length; i++) {
            float[] expected = floats(TestData.models("convert/fixtures/" + files.get(i + 1)));
            assertClose(engine + " " + name + " output " + i + " vs fixture", expected, djl[i], tolerance);
            assertClose(engine + " " + name + " output " + i + " vs ONNX Runtime", onnx[i], djl[i], tolerance);
        }
    }

    /**
     * A batch of four through each engine equals the original graph run item by item: the
     * batch-agnostic rewrite of the ONNX graphs (and the TorchScript conversion) batch correctly.
     */
    @ParameterizedTest
    @MethodSource("enginesAndModels")
    void aBatchEqualsItsItemsRunOneByOne(InferenceEngine engine, FaceModel model) throws Exception {
        Random random = new Random(model.ordinal());
        int batch = 4;
        float[] input = new float[batch * model.itemSize()];
        for (int i = 0; i < input.length; i++) {
            input[i] = random.nextFloat() * 2 - 1;
        }
        float[][] batched = MODELS.get(engine).run(model, new FaceModels.Input(input, batch));
        float[][] onnx = onnxRuntime(model, input, batch);
        for (int i = 0; i < onnx.length; i++) {
            assertClose(engine + " " + model + " output " + i + " at batch 4", onnx[i], batched[i], TOLERANCE);
        }
    }

    /** Pose has no fixture: random pixels through ImageNet normalisation, compared as probabilities. */
    @ParameterizedTest
    @EnumSource(InferenceEngine.class)
    void poseMatchesOnnxRuntime(InferenceEngine engine) throws Exception {
        FaceModel model = FaceModel.POSE;
        Random random = new Random(20240003);
        int batch = 2;
        float[] input = new float[batch * model.itemSize()];
        for (int i = 0; i < input.length; i++) {
            input[i] = (random.nextInt(256) / 255f - 0.45f) / 0.225f;
        }
        float[][] djl = MODELS.get(engine).run(model, new FaceModels.Input(input, batch));
        float[][] onnx = onnxRuntime(model, input, batch);
        assertEquals(3, djl.length);
        for (int i = 0; i < 3; i++) {
            assertClose("pose output " + i + " probabilities", softmaxRows(onnx[i], 66), softmaxRows(djl[i], 66), TOLERANCE);
        }
    }

    /** A real photo through the detector, not just noise: the face's scores and boxes agree too. */
    @ParameterizedTest
    @EnumSource(InferenceEngine.class)
    void detectorMatchesOnnxRuntimeOnAPhoto(InferenceEngine engine) throws Exception {
        FaceModel model = FaceModel.DETECT;
        float[] input = new float[model.itemSize()];
        try (DecodedImage image = TestData.image(TestData.data("detection/group/face_recognition_two_people.jpg"))) {
            FaceCrops.Region whole = new FaceCrops.Region(0, 0, image.width(), image.height());
            try (var small = Tensors.resizeRegion(image.rgb(), whole, model.width(), model.height())) {
                Tensors.write(small, input, 0, new float[]{127, 127, 127}, new float[]{128, 128, 128});
            }
        }
        float[][] djl = MODELS.get(engine).run(model, new FaceModels.Input(input, 1));
        float[][] onnx = onnxRuntime(model, input, 1);
        assertClose("detect scores", onnx[0], djl[0], TOLERANCE);
        assertClose("detect boxes", onnx[1], djl[1], TOLERANCE);
        double best = 0;
        for (int i = 1; i < djl[0].length; i += 2) {
            best = Math.max(best, djl[0][i]);
        }
        assertTrue(best > 0.9, "the photo's faces score high: " + best);
    }

    /** The original ONNX graphs take batch 1: run item by item and concatenate each output. */
    private static float[][] onnxRuntime(FaceModel model, float[] input, int batch) throws OrtException {
        Path file = TestData.models("onnx/" + model.baseName() + ".onnx");
        try (OrtSession session = ort.createSession(file.toString(), new OrtSession.SessionOptions())) {
            String inputName = session.getInputNames().iterator().next();
            List<List<float[]>> perOutput = new ArrayList<>();
            for (int item = 0; item < batch; item++) {
                FloatBuffer data = FloatBuffer.wrap(input, item * model.itemSize(), model.itemSize()).slice();
                long[] shape = {1, model.channels(), model.height(), model.width()};
                try (OnnxTensor tensor = OnnxTensor.createTensor(ort, data, shape);
                     OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
                    for (int o = 0; o < result.size(); o++) {
                        if (perOutput.size() <= o) {
                            perOutput.add(new ArrayList<>());
                        }
                        FloatBuffer values = ((OnnxTensor) result.get(o)).getFloatBuffer();
                        float[] copy = new float[values.remaining()];
                        values.get(copy);
                        perOutput.get(o).add(copy);
                    }
                }
            }
            float[][] outputs = new float[perOutput.size()][];
            for (int o = 0; o < outputs.length; o++) {
                List<float[]> items = perOutput.get(o);
                int size = items.get(0).length;
                outputs[o] = new float[size * items.size()];
                for (int item = 0; item < items.size(); item++) {
                    System.arraycopy(items.get(item), 0, outputs[o], item * size, size);
                }
            }
            return outputs;
        }
    }

    private static float[] floats(Path file) {
        FloatBuffer buffer = ByteBuffer.wrap(TestData.bytes(file)).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        float[] values = new float[buffer.remaining()];
        buffer.get(values);
        return values;
    }

    private static float[] softmaxRows(float[] logits, int classes) {
        float[] p = new float[logits.length];
        for (int row = 0; row < logits.length; row += classes) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, logits[row + c]);
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                sum += Math.exp(logits[row + c] - max);
            }
            for (int c = 0; c < classes; c++) {
                p[row + c] = (float) (Math.exp(logits[row + c] - max) / sum);
            }
        }
        return p;
    }

    private static void assertClose(String what, float[] expected, float[] actual, double tolerance) {
        assertEquals(expected.length, actual.length, what + ": length");
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        }
        assertTrue(worst <= tolerance, what + ": max abs diff " + worst + " > " + tolerance);
    }
}
