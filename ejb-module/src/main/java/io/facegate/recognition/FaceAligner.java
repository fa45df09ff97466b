package io.facegate.recognition;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

/**
 * Aligns a face onto the ArcFace 112x112 template with the least-squares similarity (rotation,
 * uniform scale, translation: Umeyama without reflection) through all five key points. The JS
 * library's three-point affine ignores the mouth and measurably lowers genuine-pair similarity.
 */
final class FaceAligner {

    static final int SIZE = 112;

    /** ArcFace template: eyes, nose tip, mouth corners, in 112x112 pixels. */
    private static final double[][] TEMPLATE = {
            {38.2946, 51.6963}, {73.5318, 51.5014}, {56.0252, 71.7366}, {41.5493, 92.3655}, {70.7299, 92.2041}};

    private FaceAligner() {
    }

    /**
     * The similarity {@code [a -b tx; b a ty]} mapping {@code points} onto the template with the
     * least squared error, as {a, b, tx, ty}.
     */
    static double[] similarity(List<ImagePoint> points) {
        int n = TEMPLATE.length;
        double sx = 0, sy = 0, dx = 0, dy = 0;
        for (int i = 0; i < n; i++) {
            sx += points.get(i).x();
            sy += points.get(i).y();
            dx += TEMPLATE[i][0];
            dy += TEMPLATE[i][1];
        }
        sx /= n;
        sy /= n;
        dx /= n;
        dy /= n;
        double dot = 0, cross = 0, norm = 0;
        for (int i = 0; i < n; i++) {
            double px = points.get(i).x() - sx;
            double py = points.get(i).y() - sy;
            double qx = TEMPLATE[i][0] - dx;
            double qy = TEMPLATE[i][1] - dy;
            dot += px * qx + py * qy;
            cross += px * qy - py * qx;
            norm += px * px + py * py;
        }
        double a = dot / norm;
        double b = cross / norm;
        return new double[]{a, b, dx - (a * sx - b * sy), dy - (b * sx + a * sy)};
    }

    /**
     * The aligned 112x112 RGB face. A face larger than the template is first shrunk with area
     * averaging, so the final bilinear warp does not alias a high-resolution face.
     */
    static Mat align(Mat image, List<ImagePoint> keyPoints) {
        double[] m = similarity(keyPoints);
        double a = m[0], b = m[1], tx = m[2], ty = m[3];
        double scale = Math.hypot(a, b);
        // Region of the image the 112x112 output comes from: the template square mapped back.
        double det = a * a + b * b;
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int corner = 0; corner < 4; corner++) {
            double u = (corner & 1) * SIZE - tx;
            double v = (corner >> 1) * SIZE - ty;
            double x = (a * u + b * v) / det;
            double y = (-b * u + a * v) / det;
            minX = Math.min(minX, x);
            minY = Math.min(minY, y);
            maxX = Math.max(maxX, x);
            maxY = Math.max(maxY, y);
        }
        FaceCrops.Region region = FaceCrops.clipped(minX, minY, maxX, maxY, image.cols(), image.rows());
        int width = scale < 1 ? Math.max(1, (int) Math.round(region.width() * scale)) : region.width();
        int height = scale < 1 ? Math.max(1, (int) Math.round(region.height() * scale)) : region.height();
        double fx = (double) width / region.width();
        double fy = (double) height / region.height();
        // Output = A * (p' / f + origin) + t for a pixel p' of the (possibly shrunk) region.
        double[] warp = {
                a / fx, -b / fy, a * region.x() - b * region.y() + tx,
                b / fx, a / fy, b * region.x() + a * region.y() + ty};
        Mat aligned = new Mat();
        try (Mat source = Tensors.resizeRegion(image, region, width, height);
             DoublePointer values = new DoublePointer(warp);
             Mat transform = new Mat(2, 3, CV_64F, values);
             Size size = new Size(SIZE, SIZE);
             Scalar black = new Scalar(0.0)) {
            warpAffine(source, aligned, transform, size, INTER_LINEAR, BORDER_CONSTANT, black);
        }
        return aligned;
    }
}
