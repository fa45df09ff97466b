package io.facegate.recognition;

import ai.djl.pytorch.jni.JniUtils;

import java.util.Locale;
import java.util.Map;

/**
 * The DJL engines the face models run on, each with the model files it needs (models/README.md)
 * and its own way of being told how many threads one inference may use.
 */
public enum InferenceEngine {

    /** libtorch running the TorchScript conversions ({@code .pt}). */
    PYTORCH("PyTorch", ".pt") {
        @Override
        Map<String, String> loadOptions(int threads) {
            // libtorch's intra-op thread count is process-wide (its inter-op pool can only be sized before
            // first use: the JVM option ai.djl.pytorch.num_interop_threads does that).
            JniUtils.setNumThreads(threads);
            return Map.of();
        }

        @Override
        void beforeInference() {
            // The profiling graph executor re-specialises each model per input shape (every new face
            // count) and gives no fusion on CPU, so it only adds latency. The switch is per thread.
            JniUtils.setGraphExecutorOptimize(false);
        }
    },

    /** ONNX Runtime running the batch-agnostic ONNX graphs ({@code .onnx}). */
    ONNX_RUNTIME("OnnxRuntime", ".onnx") {
        @Override
        Map<String, String> loadOptions(int threads) {
            // One session per model, shared by the model's predictors: ORT sessions may run concurrently.
            // With one intra-op thread a run executes on the calling thread and no thread pool spins.
            return Map.of("intraOpNumThreads", Integer.toString(threads), "interOpNumThreads", "1",
                    "executionMode", "SEQUENTIAL");
        }

        @Override
        void beforeInference() {
            // nothing per call
        }
    };

    private final String djlName;
    private final String fileExtension;

    InferenceEngine(String djlName, String fileExtension) {
        this.djlName = djlName;
        this.fileExtension = fileExtension;
    }

    /** The engine's name in DJL ({@code Model.newInstance(name, device, engineName)}). */
    public String djlName() {
        return djlName;
    }

    /** How the models built for this engine end: {@code .pt} or {@code .onnx}. */
    public String fileExtension() {
        return fileExtension;
    }

    /** DJL model-load options giving each inference {@code threads} intra-op threads. */
    abstract Map<String, String> loadOptions(int threads);

    /** Called on the inference thread before each model call. */
    abstract void beforeInference();

    /**
     * The engine a configuration value names: {@code pytorch} or {@code onnxruntime} (also DJL's
     * spelling, the constant's name, or {@code onnx-runtime}), in any case.
     *
     * @throws IllegalArgumentException for any other value
     */
    public static InferenceEngine named(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        for (InferenceEngine engine : values()) {
            if (engine.djlName.toLowerCase(Locale.ROOT).equals(key)) {
                return engine;
            }
        }
        throw new IllegalArgumentException("unknown inference engine '" + name + "': use pytorch or onnxruntime");
    }
}
