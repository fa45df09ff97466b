package io.facegate.recognition;

import org.bytedeco.opencv.opencv_core.Mat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds faces with the RFB-320 detector: the whole frame resized (not letterboxed) to 320x240 RGB,
 * score threshold, then standard non-maximum suppression by score and IoU. The JS library's
 * variant (sorted by the bottom edge, overlap over the other box's area) and its BGR input are
 * deliberately not repeated.
 */
final class FaceDetector {

    /** A face found in the frame: its box in image pixels and the detector's face probability. */
    record Detection(FaceBox box, double score) {
    }

    private static final float[] MEAN = {127, 127, 127};
    private static final float[] STD = {128, 128, 128};
    private static final int PRIORS = 4420;

    private final FaceModels models;
    private final double threshold;
    private final double nmsIou;
    private final int maxFaces;

    FaceDetector(FaceModels models, double threshold, double nmsIou, int maxFaces) {
        this.models = models;
        this.threshold = threshold;
        this.nmsIou = nmsIou;
        this.maxFaces = maxFaces;
    }

    /** The faces in the image, largest first, at most {@code maxFaces}. */
    List<Detection> detect(DecodedImage image) {
        FaceModel model = FaceModel.DETECT;
        float[] input = new float[model.itemSize()];
        FaceCrops.Region whole = new FaceCrops.Region(0, 0, image.width(), image.height());
        try (Mat small = Tensors.resizeRegion(image.rgb(), whole, model.width(), model.height())) {
            Tensors.write(small, input, 0, MEAN, STD);
        }
        float[][] outputs = models.run(model, new FaceModels.Input(input, 1));
        float[] scores = outputs[0];
        float[] corners = outputs[1];

        List<Detection> candidates = new ArrayList<>();
        int width = image.width();
        int height = image.height();
        for (int i = 0; i < PRIORS; i++) {
            float score = scores[2 * i + 1];
            if (score >= threshold) {
                double x1 = corners[4 * i] * width;
                double y1 = corners[4 * i + 1] * height;
                double x2 = corners[4 * i + 2] * width;
                double y2 = corners[4 * i + 3] * height;
                FaceBox box = new FaceBox(x1, y1, x2 - x1, y2 - y1).clip(width, height);
                if (box.width() >= 1 && box.height() >= 1) {
                    candidates.add(new Detection(box, score));
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(Detection::score).reversed());
        List<Detection> kept = new ArrayList<>();
        for (Detection candidate : candidates) {
            if (kept.stream().noneMatch(k -> k.box().iou(candidate.box()) > nmsIou)) {
                kept.add(candidate);
            }
        }
        kept.sort(Comparator.comparingDouble((Detection d) -> d.box().area()).reversed());
        return kept.size() > maxFaces ? List.copyOf(kept.subList(0, maxFaces)) : kept;
    }
}
