package io.facegate.web.recognition;

import io.facegate.recognition.DetectedFace;
import io.facegate.recognition.FaceBox;
import io.facegate.recognition.ImagePoint;
import io.facegate.recognition.QualityIssue;

import java.util.List;

/**
 * One face as the API shows it: box in image pixels, the five key points (eyes, nose tip, mouth
 * corners, image-left first), scores and quality issues. Liveness and eyes are null when not analysed.
 */
public record FaceView(BoxView box, List<double[]> landmarks, double detectionScore, double qualityScore,
                       List<String> qualityIssues, Double livenessScore, double[] eyesOpen) {

    public record BoxView(int x, int y, int width, int height) {

        static BoxView of(FaceBox box) {
            return new BoxView((int) Math.round(box.x()), (int) Math.round(box.y()),
                    (int) Math.round(box.width()), (int) Math.round(box.height()));
        }
    }

    static FaceView of(DetectedFace face) {
        return new FaceView(BoxView.of(face.box()),
                face.landmarks().keyPoints().stream().map(FaceView::pixel).toList(),
                face.detectionScore(), face.quality().score(),
                face.quality().issues().stream().map(QualityIssue::code).toList(),
                face.livenessScore(), face.eyesOpen());
    }

    private static double[] pixel(ImagePoint point) {
        return new double[]{Math.round(point.x() * 10) / 10.0, Math.round(point.y() * 10) / 10.0};
    }
}
