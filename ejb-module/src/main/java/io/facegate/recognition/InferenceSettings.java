package io.facegate.recognition;

/**
 * How the face models run (MicroProfile Config {@code facegate.inference.*}, read by {@link FaceEngine}).
 *
 * @param engine   the DJL engine
 * @param poolSize predictors per model, i.e. how many inferences of one model run at once
 * @param threads  intra-op threads of one inference
 */
public record InferenceSettings(InferenceEngine engine, int poolSize, int threads) {

    /**
     * ONNX Runtime: a whole frame took half the CPU time it takes under libtorch, in every benchmark
     * run, with the same results (docs/benchmarks/face-engine.md).
     */
    public static final String DEFAULT_ENGINE = "onnxruntime";
    /** One thread per inference and one predictor per core: requests run in parallel, not operators. */
    public static final int DEFAULT_THREADS = 1;

    public InferenceSettings {
        if (poolSize < 1 || threads < 1) {
            throw new IllegalArgumentException("inference pool size and threads must be >= 1, got " + poolSize + " and " + threads);
        }
    }

    /** The defaults: {@link #DEFAULT_ENGINE}, one predictor per core, {@link #DEFAULT_THREADS}. */
    public static InferenceSettings defaults() {
        return new InferenceSettings(InferenceEngine.named(DEFAULT_ENGINE), Runtime.getRuntime().availableProcessors(), DEFAULT_THREADS);
    }
}
