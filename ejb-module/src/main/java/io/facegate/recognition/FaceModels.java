package io.facegate.recognition;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The face models, loaded once from the classpath into one DJL engine, each with a fixed pool of
 * predictors. A DJL predictor must not be used by two threads at once; the pool also bounds how many
 * inferences of one model run concurrently, so a burst of requests queues instead of thrashing the
 * cores. Inputs and outputs are plain float arrays: every NDArray lives only inside one predict call.
 */
public final class FaceModels implements AutoCloseable {

    /** One model input: {@code batch} items of the model's input size, NCHW. */
    public record Input(float[] data, int batch) {
    }

    private final InferenceSettings settings;
    private final Map<FaceModel, Model> models = new EnumMap<>(FaceModel.class);
    private final Map<FaceModel, BlockingQueue<Predictor<Input, float[][]>>> pools = new EnumMap<>(FaceModel.class);
    private final Map<FaceModel, List<Predictor<Input, float[][]>>> predictors = new EnumMap<>(FaceModel.class);

    /**
     * Loads every model for the configured engine from {@code loader}'s resources and opens the
     * configured number of predictors for each.
     *
     * @throws IllegalStateException if a model is missing or cannot be loaded
     */
    public FaceModels(ClassLoader loader, InferenceSettings settings) {
        this.settings = settings;
        InferenceEngine engine = settings.engine();
        try {
            for (FaceModel kind : FaceModel.values()) {
                Model model = Model.newInstance(kind.name(), Device.cpu(), engine.djlName());
                models.put(kind, model);
                String resource = kind.resource(engine);
                try (InputStream in = loader.getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException("model resource " + resource + " is not on the classpath");
                    }
                    model.load(in, engine.loadOptions(settings.threads()));
                }
                BlockingQueue<Predictor<Input, float[][]>> pool = new ArrayBlockingQueue<>(settings.poolSize());
                List<Predictor<Input, float[][]>> opened = new ArrayList<>();
                for (int i = 0; i < settings.poolSize(); i++) {
                    Predictor<Input, float[][]> predictor = model.newPredictor(new ArrayTranslator(kind, engine));
                    opened.add(predictor);
                    pool.add(predictor);
                }
                predictors.put(kind, opened);
                pools.put(kind, pool);
            }
        } catch (IOException | MalformedModelException | RuntimeException e) {
            close();
            throw new IllegalStateException("cannot load the face models on " + engine.djlName() + ": " + e.getMessage(), e);
        }
    }

    public InferenceSettings settings() {
        return settings;
    }

    /**
     * Runs {@code model} on a batch; returns its outputs in the traced order, each flattened
     * (C order). Blocks while all of the model's predictors are busy.
     */
    public float[][] run(FaceModel model, Input input) {
        BlockingQueue<Predictor<Input, float[][]>> pool = pools.get(model);
        Predictor<Input, float[][]> predictor;
        try {
            predictor = pool.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + model, e);
        }
        try {
            return predict(model, predictor, input);
        } finally {
            pool.add(predictor);
        }
    }

    /**
     * The first runs of a model are several times slower (graph optimisation, memory planning, the
     * input buffer's allocation): pays that on every predictor, for one and two faces, before the
     * first request. Call before the models are shared.
     */
    public void warmUp() {
        predictors.forEach((model, opened) -> {
            for (Predictor<Input, float[][]> predictor : opened) {
                for (int batch = 2; batch >= 1; batch--) {
                    Input zeros = new Input(new float[batch * model.itemSize()], batch);
                    predict(model, predictor, zeros);
                    predict(model, predictor, zeros);
                }
            }
        });
    }

    private static float[][] predict(FaceModel model, Predictor<Input, float[][]> predictor, Input input) {
        if (input.batch() < 1 || input.data().length != input.batch() * model.itemSize()) {
            throw new IllegalArgumentException(model + " needs " + model.itemSize() + " floats per item");
        }
        try {
            return predictor.predict(input);
        } catch (TranslateException e) {
            throw new IllegalStateException(model + " inference failed", e);
        }
    }

    @Override
    public void close() {
        predictors.values().forEach(opened -> opened.forEach(Predictor::close));
        predictors.clear();
        pools.clear();
        models.values().forEach(Model::close);
        models.clear();
    }

    /**
     * float[] in, float[][] out. Each predictor has its own translator, used by one thread at a time,
     * which copies the input into a direct buffer it keeps: both engines then wrap that native memory
     * as the input tensor instead of allocating and copying into a fresh direct buffer per call. The
     * buffer grows to the largest batch seen (at most max-faces items) and stays.
     */
    private static final class ArrayTranslator implements Translator<Input, float[][]> {

        private final FaceModel model;
        private final InferenceEngine engine;
        private ByteBuffer buffer = ByteBuffer.allocateDirect(0);

        ArrayTranslator(FaceModel model, InferenceEngine engine) {
            this.model = model;
            this.engine = engine;
        }

        @Override
        public NDList processInput(TranslatorContext context, Input input) {
            engine.beforeInference();
            int bytes = input.data().length * Float.BYTES;
            if (buffer.capacity() < bytes) {
                buffer = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
            }
            buffer.clear();
            buffer.asFloatBuffer().put(input.data());
            buffer.limit(bytes);
            Shape shape = new Shape(input.batch(), model.channels(), model.height(), model.width());
            return new NDList(context.getNDManager().create(buffer, shape, DataType.FLOAT32));
        }

        @Override
        public float[][] processOutput(TranslatorContext context, NDList outputs) {
            float[][] result = new float[outputs.size()][];
            for (int i = 0; i < outputs.size(); i++) {
                result[i] = outputs.get(i).toFloatArray();
            }
            return result;
        }

        @Override
        public Batchifier getBatchifier() {
            return null;
        }
    }
}
