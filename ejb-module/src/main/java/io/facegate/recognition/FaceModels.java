package io.facegate.recognition;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.translate.Batchifier;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;

import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The TorchScript models, loaded once from the classpath, each with a fixed pool of DJL predictors.
 * A DJL predictor must not be used by two threads at once; the pool also bounds how many inferences
 * of one model run concurrently, so a burst of requests queues instead of thrashing the cores.
 * Inputs and outputs are plain float arrays: every NDArray lives only inside one predict call.
 */
public final class FaceModels implements AutoCloseable {

    /** One model input: {@code batch} items of the model's input size, NCHW. */
    public record Input(float[] data, int batch) {
    }

    private final Map<FaceModel, Model> models = new EnumMap<>(FaceModel.class);
    private final Map<FaceModel, BlockingQueue<Predictor<Input, float[][]>>> pools = new EnumMap<>(FaceModel.class);
    private final List<Predictor<Input, float[][]>> predictors = new ArrayList<>();

    /**
     * Loads every model from {@code loader}'s resources and opens {@code poolSize} predictors for each.
     *
     * @throws IllegalStateException if a model is missing or cannot be loaded
     */
    public FaceModels(ClassLoader loader, int poolSize) {
        try {
            for (FaceModel kind : FaceModel.values()) {
                Model model = Model.newInstance(kind.name(), Device.cpu(), "PyTorch");
                models.put(kind, model);
                try (InputStream in = loader.getResourceAsStream(kind.resource())) {
                    if (in == null) {
                        throw new IllegalStateException("model resource " + kind.resource() + " is not on the classpath");
                    }
                    model.load(in);
                }
                BlockingQueue<Predictor<Input, float[][]>> pool = new ArrayBlockingQueue<>(poolSize);
                for (int i = 0; i < poolSize; i++) {
                    Predictor<Input, float[][]> predictor = model.newPredictor(new ArrayTranslator(kind));
                    predictors.add(predictor);
                    pool.add(predictor);
                }
                pools.put(kind, pool);
            }
        } catch (IOException | MalformedModelException | RuntimeException e) {
            close();
            throw new IllegalStateException("cannot load the face models: " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code model} on a batch; returns its outputs in the traced order, each flattened
     * (C order). Blocks while all of the model's predictors are busy.
     */
    public float[][] run(FaceModel model, Input input) {
        if (input.data().length != input.batch() * model.itemSize()) {
            throw new IllegalArgumentException(model + " needs " + model.itemSize() + " floats per item");
        }
        BlockingQueue<Predictor<Input, float[][]>> pool = pools.get(model);
        Predictor<Input, float[][]> predictor;
        try {
            predictor = pool.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + model, e);
        }
        try {
            return predictor.predict(input);
        } catch (TranslateException e) {
            throw new IllegalStateException(model + " inference failed", e);
        } finally {
            pool.add(predictor);
        }
    }

    @Override
    public void close() {
        predictors.forEach(Predictor::close);
        predictors.clear();
        pools.clear();
        models.values().forEach(Model::close);
        models.clear();
    }

    /** float[] in, float[][] out: one NDArray created per call, freed with the predict call's manager. */
    private record ArrayTranslator(FaceModel model) implements Translator<Input, float[][]> {

        @Override
        public NDList processInput(TranslatorContext context, Input input) {
            // The profiling graph executor re-specialises each model per input shape (every new face
            // count) and gives no fusion on CPU, so it only adds latency. The switch is per thread
            // in libtorch; an explicit ai.djl.pytorch.graph_optimizer property still wins.
            JniUtils.setGraphExecutorOptimize(false);
            Shape shape = new Shape(input.batch(), model.channels(), model.height(), model.width());
            return new NDList(context.getNDManager().create(FloatBuffer.wrap(input.data()), shape));
        }

        @Override
        public float[][] processOutput(TranslatorContext context, NDList outputs) {
            float[][] result = new float[outputs.size()][];
            for (int i = 0; i < outputs.size(); i++) {
                NDArray output = outputs.get(i);
                result[i] = output.toFloatArray();
            }
            return result;
        }

        @Override
        public Batchifier getBatchifier() {
            return null;
        }
    }
}
