package io.facegate.recognition;

import io.facegate.system.ErrorKind;
import io.facegate.system.FaceGateException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.bytedeco.opencv.opencv_core.Mat;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The recognition core: decoding, detection, landmarks, alignment, embeddings, quality, liveness,
 * eye state and head pose. Loads and warms up the models once at start-up; every method is
 * thread-safe (the models sit behind predictor pools, everything else is per call). When the
 * models cannot load, {@link #status()} says why and the methods answer 503.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FaceEngine {

    private static final Logger LOG = Logger.getLogger(FaceEngine.class.getName());

    private static final float[] ZERO = {0, 0, 0};
    private static final float[] ONE = {1, 1, 1};
    private static final float[] CENTRED_MEAN = {127, 127, 127};
    private static final float[] CENTRED_STD = {128, 128, 128};
    private static final float[] LANDMARK_STD = {256};
    private static final float[] EYE_STD = {255};
    private static final float[] IMAGENET_MEAN = {0.485f * 255, 0.456f * 255, 0.406f * 255};
    private static final float[] IMAGENET_STD = {0.229f * 255, 0.224f * 255, 0.225f * 255};
    private static final int POSE_BINS = 66;

    @Inject
    @ConfigProperty(name = "facegate.recognition.max-image-bytes", defaultValue = "" + ImageDecoder.DEFAULT_MAX_BYTES)
    long maxImageBytes;
    @Inject
    @ConfigProperty(name = "facegate.recognition.max-image-pixels", defaultValue = "" + ImageDecoder.DEFAULT_MAX_PIXELS)
    long maxImagePixels;
    @Inject
    @ConfigProperty(name = "facegate.recognition.detection-threshold", defaultValue = "" + RecognitionSettings.DEFAULT_DETECTION_THRESHOLD)
    double detectionThreshold;
    @Inject
    @ConfigProperty(name = "facegate.recognition.nms-iou", defaultValue = "" + RecognitionSettings.DEFAULT_NMS_IOU)
    double nmsIou;
    @Inject
    @ConfigProperty(name = "facegate.recognition.max-faces", defaultValue = "" + RecognitionSettings.DEFAULT_MAX_FACES)
    int maxFaces;
    @Inject
    @ConfigProperty(name = "facegate.recognition.match-threshold", defaultValue = "" + RecognitionSettings.DEFAULT_MATCH_THRESHOLD)
    double matchThreshold;
    @Inject
    @ConfigProperty(name = "facegate.recognition.min-face-size", defaultValue = "" + RecognitionSettings.DEFAULT_MIN_FACE_SIZE)
    double minFaceSize;
    @Inject
    @ConfigProperty(name = "facegate.inference.engine", defaultValue = InferenceSettings.DEFAULT_ENGINE)
    String inferenceEngine;
    /** Defaults to the number of cores. */
    @Inject
    @ConfigProperty(name = "facegate.inference.pool-size")
    Optional<Integer> inferencePoolSize;
    @Inject
    @ConfigProperty(name = "facegate.inference.threads", defaultValue = "" + InferenceSettings.DEFAULT_THREADS)
    int inferenceThreads;

    /** Everything a call needs, published at once when loading succeeds. */
    private record Loaded(RecognitionSettings settings, FaceModels models, FaceDetector detector, ImageDecoder decoder) {
    }

    private volatile Loaded loaded;
    private volatile EngineStatus status = new EngineStatus(false, List.of(), 0, "not started");

    /** For the EJB container, which then calls {@link #start()}. */
    public FaceEngine() {
    }

    /** An engine outside the container (tests, benchmarks), loaded at once. */
    public FaceEngine(RecognitionSettings settings) {
        load(settings);
    }

    @PostConstruct
    void start() {
        InferenceSettings inference;
        try {
            inference = new InferenceSettings(InferenceEngine.named(inferenceEngine),
                    inferencePoolSize.orElse(InferenceSettings.defaults().poolSize()), inferenceThreads);
        } catch (IllegalArgumentException e) {
            status = new EngineStatus(false, List.of(), 0, e.getMessage());
            LOG.log(Level.SEVERE, "Face engine not loaded: bad facegate.inference settings; face endpoints will answer 503", e);
            return;
        }
        load(new RecognitionSettings(maxImageBytes, maxImagePixels, detectionThreshold, nmsIou, maxFaces, matchThreshold,
                minFaceSize, inference));
    }

    private void load(RecognitionSettings settings) {
        long started = System.nanoTime();
        FaceModels models = null;
        try {
            models = new FaceModels(FaceEngine.class.getClassLoader(), settings.inference());
            models.warmUp();
            loaded = new Loaded(settings, models,
                    new FaceDetector(models, settings.detectionThreshold(), settings.nmsIou(), settings.maxFaces()),
                    new ImageDecoder(settings.maxImageBytes(), settings.maxImagePixels()));
            long ms = (System.nanoTime() - started) / 1_000_000;
            InferenceSettings inference = settings.inference();
            status = new EngineStatus(true, Arrays.stream(FaceModel.values()).map(m -> m.fileName(inference.engine())).toList(), ms, null);
            LOG.info(() -> "Face engine ready: " + FaceModel.values().length + " models loaded on " + inference.engine().djlName()
                    + " (" + inference.poolSize() + " predictors per model, " + inference.threads()
                    + " threads per inference) and warmed up in " + ms + " ms");
        } catch (RuntimeException e) {
            if (models != null) {
                models.close();
            }
            status = new EngineStatus(false, List.of(), (System.nanoTime() - started) / 1_000_000, e.getMessage());
            LOG.log(Level.SEVERE, "Face engine failed to load; face endpoints will answer 503", e);
        }
    }

    @PreDestroy
    public void close() {
        Loaded current = loaded;
        loaded = null;
        status = new EngineStatus(false, List.of(), 0, "stopped");
        if (current != null) {
            current.models().close();
        }
    }

    public EngineStatus status() {
        return status;
    }

    public RecognitionSettings settings() {
        return ready().settings();
    }

    /** Decodes encoded image bytes; {@code field} names the input in error messages. */
    public DecodedImage decode(String field, byte[] bytes) {
        return ready().decoder().decode(field, bytes);
    }

    /** Decodes an upload holding either the image file or a data URL / base64 as text. */
    public DecodedImage decodeUpload(String field, byte[] bytes) {
        return ready().decoder().decodeUpload(field, bytes);
    }

    /** Decodes a {@code data:image/...;base64,} URL or plain base64. */
    public DecodedImage decodeText(String field, String text) {
        return ready().decoder().decodeText(field, text);
    }

    /** Whether a similarity means "same person" at the configured threshold. */
    public boolean matches(double similarity) {
        return similarity >= ready().settings().matchThreshold();
    }

    /**
     * The 1:1 comparison of the dominant face of each image ({@link FaceAcceptance#choose}).
     *
     * @throws FaceGateException 422 {@code no_face} naming the image without a face, {@code multiple_faces}
     *                           naming an image whose faces compete (none clearly the largest)
     */
    public FaceComparison compare(DecodedImage source, DecodedImage target) {
        DetectedFace sourceFace = dominantFace("source_image", source);
        DetectedFace targetFace = dominantFace("target_image", target);
        double similarity = sourceFace.embedding().similarity(targetFace.embedding());
        return new FaceComparison(similarity, matches(similarity), ready().settings().matchThreshold(), sourceFace, targetFace);
    }

    private DetectedFace dominantFace(String side, DecodedImage image) {
        List<DetectedFace> faces = analyze(image, Set.of(FaceAttribute.EMBEDDING));
        if (faces.isEmpty()) {
            throw new FaceGateException(ErrorKind.UNPROCESSABLE, "no_face", "no face found in " + side, Map.of("image", side));
        }
        FaceAcceptance.Choice choice = FaceAcceptance.choose(faces);
        if (choice.competing()) {
            throw new FaceGateException(ErrorKind.UNPROCESSABLE, "multiple_faces", side + " has " + faces.size()
                    + " faces of similar size; crop it to the person to compare", Map.of("image", side));
        }
        return choice.face();
    }

    /**
     * Every face in the image (at most {@code facegate.recognition.max-faces}), largest first, with the
     * requested attributes. Each model runs once per image, on all faces as one batch.
     */
    public List<DetectedFace> analyze(DecodedImage image, Set<FaceAttribute> attributes) {
        return analyze(image, attributes, StageTimes.NONE);
    }

    /** The stages of {@link #analyze}, in the order they run. */
    enum Stage { DETECT, LANDMARKS, EMBEDDING, LIVENESS, EYES, POSE, QUALITY }

    /** Told when each stage of an analysis ends; how the benchmark times stages inside one frame. */
    interface StageTimes {
        StageTimes NONE = stage -> { };

        /** {@code stage} has just ended (stages not requested are skipped). */
        void ended(Stage stage);
    }

    /** {@link #analyze(DecodedImage, Set)}, telling {@code times} as each stage ends. */
    List<DetectedFace> analyze(DecodedImage image, Set<FaceAttribute> attributes, StageTimes times) {
        Loaded engine = ready();
        List<FaceDetector.Detection> detections = engine.detector().detect(image);
        times.ended(Stage.DETECT);
        int n = detections.size();
        if (n == 0) {
            return List.of();
        }
        Mat rgb = image.rgb();
        int width = image.width();
        int height = image.height();

        // Landmarks on the face square; its grey pixels also feed the sharpness and brightness checks.
        FaceModel landmarkModel = FaceModel.LANDMARK;
        float[] landmarkInput = new float[n * landmarkModel.itemSize()];
        FaceCrops.Region[] squares = new FaceCrops.Region[n];
        byte[][] greys = new byte[n][];
        for (int i = 0; i < n; i++) {
            squares[i] = FaceCrops.face(detections.get(i).box(), width, height);
            try (Mat crop = Tensors.resizeRegion(rgb, squares[i], landmarkModel.width(), landmarkModel.height());
                 Mat grey = Tensors.grey(crop)) {
                greys[i] = Tensors.bytes(grey);
            }
            Tensors.write(greys[i], 1, landmarkInput, i, ZERO, LANDMARK_STD);
        }
        float[] landmarkOutput = engine.models().run(landmarkModel, new FaceModels.Input(landmarkInput, n))[0];
        List<FaceLandmarks> landmarks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<ImagePoint> points = new ArrayList<>(68);
            for (int p = 0; p < 68; p++) {
                points.add(new ImagePoint(squares[i].x() + landmarkOutput[i * 136 + 2 * p] * squares[i].width(),
                        squares[i].y() + landmarkOutput[i * 136 + 2 * p + 1] * squares[i].height()));
            }
            landmarks.add(new FaceLandmarks(points));
        }
        times.ended(Stage.LANDMARKS);

        FaceEmbedding[] embeddings = new FaceEmbedding[n];
        if (attributes.contains(FaceAttribute.EMBEDDING)) {
            embeddings = embeddings(engine, rgb, landmarks);
            times.ended(Stage.EMBEDDING);
        }
        Double[] liveness = new Double[n];
        if (attributes.contains(FaceAttribute.LIVENESS)) {
            FaceModel model = FaceModel.LIVENESS;
            // BGR, as the anti-spoof network (MiniFASNet, trained on OpenCV images) was trained: with RGB it
            // scored 68 of 119 real portraits live, with BGR 114 of 119 (docs/liveness.md).
            float[] logits = run(engine, model, n, i -> Tensors.bgr(Tensors.resizeRegion(rgb,
                    FaceCrops.liveness(detections.get(i).box(), width, height), model.width(), model.height())), ZERO, ONE)[0];
            for (int i = 0; i < n; i++) {
                liveness[i] = softmax(logits, i * 3, 3)[0]; // class 0 = live
            }
            times.ended(Stage.LIVENESS);
        }
        double[][] eyes = new double[n][];
        if (attributes.contains(FaceAttribute.EYES)) {
            FaceModel model = FaceModel.EYE;
            // Both eyes of every face in one batch: item 2i is face i's left eye, 2i + 1 its right.
            float[] logits = run(engine, model, 2 * n, item -> Tensors.resizeRegion(rgb,
                    FaceCrops.eye(landmarks.get(item / 2), item % 2 == 0, width, height), model.width(), model.height()),
                    ZERO, EYE_STD)[0];
            for (int i = 0; i < n; i++) {
                eyes[i] = new double[]{softmax(logits, 4 * i, 2)[1], softmax(logits, 4 * i + 2, 2)[1]}; // class 1 = open
            }
            times.ended(Stage.EYES);
        }
        HeadPose[] poses = new HeadPose[n];
        if (attributes.contains(FaceAttribute.POSE)) {
            FaceModel model = FaceModel.POSE;
            float[][] angles = run(engine, model, n, i -> Tensors.resizeRegion(rgb,
                    FaceCrops.pose(detections.get(i).box(), width, height), model.width(), model.height()),
                    IMAGENET_MEAN, IMAGENET_STD);
            for (int i = 0; i < n; i++) {
                poses[i] = new HeadPose(angle(angles[0], i), angle(angles[1], i), angle(angles[2], i));
            }
            times.ended(Stage.POSE);
        }

        List<DetectedFace> faces = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            FaceDetector.Detection detection = detections.get(i);
            FaceQuality quality = FaceQuality.assess(detection.box(), detection.score(), landmarks.get(i), greys[i],
                    landmarkModel.width(), engine.settings().minFaceSize());
            faces.add(new DetectedFace(detection.box(), detection.score(), landmarks.get(i), quality,
                    liveness[i], eyes[i], poses[i], embeddings[i]));
        }
        times.ended(Stage.QUALITY);
        return faces;
    }

    /**
     * {@code faces} of {@code image}, as {@link #analyze} found them without their embedding, with it: one
     * batch for all of them. For callers that first judge the faces (quality, dominance) and embed only
     * those they will use; the embeddings are those {@link #analyze} would have given.
     */
    public List<DetectedFace> embed(DecodedImage image, List<DetectedFace> faces) {
        if (faces.isEmpty()) {
            return List.of();
        }
        FaceEmbedding[] embeddings = embeddings(ready(), image.rgb(), faces.stream().map(DetectedFace::landmarks).toList());
        List<DetectedFace> embedded = new ArrayList<>(faces.size());
        for (int i = 0; i < faces.size(); i++) {
            embedded.add(faces.get(i).withEmbedding(embeddings[i]));
        }
        return embedded;
    }

    /** The embedding of each face, aligned on its landmarks, in one batch. */
    private static FaceEmbedding[] embeddings(Loaded engine, Mat rgb, List<FaceLandmarks> landmarks) {
        int n = landmarks.size();
        float[] output = run(engine, FaceModel.FEATURE, n, i -> FaceAligner.align(rgb, landmarks.get(i).keyPoints()),
                CENTRED_MEAN, CENTRED_STD)[0];
        FaceEmbedding[] embeddings = new FaceEmbedding[n];
        for (int i = 0; i < n; i++) {
            embeddings[i] = FaceEmbedding.normalised(output, i * FaceEmbedding.DIMENSIONS);
        }
        return embeddings;
    }

    /** Runs a model on {@code count} crops; {@code crop} returns an RGB matrix of the model's size, which is freed here. */
    private static float[][] run(Loaded engine, FaceModel model, int count, IntFunction<Mat> crop, float[] mean, float[] std) {
        float[] input = new float[count * model.itemSize()];
        for (int i = 0; i < count; i++) {
            try (Mat rgb = crop.apply(i)) {
                if (model.channels() == 1) {
                    try (Mat grey = Tensors.grey(rgb)) {
                        Tensors.write(grey, input, i, mean, std);
                    }
                } else {
                    Tensors.write(rgb, input, i, mean, std);
                }
            }
        }
        return engine.models().run(model, new FaceModels.Input(input, count));
    }

    private static double[] softmax(float[] logits, int offset, int classes) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            max = Math.max(max, logits[offset + c]);
        }
        double[] p = new double[classes];
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            p[c] = Math.exp(logits[offset + c] - max);
            sum += p[c];
        }
        for (int c = 0; c < classes; c++) {
            p[c] /= sum;
        }
        return p;
    }

    /** Pose bins are 3 degrees wide from -99: the angle is the softmax-weighted bin index. */
    private static double angle(float[] logits, int face) {
        double[] p = softmax(logits, face * POSE_BINS, POSE_BINS);
        double expected = 0;
        for (int k = 0; k < POSE_BINS; k++) {
            expected += p[k] * k;
        }
        return expected * 3 - 99;
    }

    private Loaded ready() {
        Loaded current = loaded;
        if (current == null) {
            throw new FaceGateException(ErrorKind.UNAVAILABLE, "face_engine_unavailable",
                    "the face engine is not available: " + status.error());
        }
        return current;
    }
}
