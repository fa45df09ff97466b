package io.facegate.identification;

import io.facegate.recognition.FaceEmbedding;

import java.util.SplittableRandom;

/**
 * A fixed random orthogonal transform of the 512-d embedding space: three rounds of random sign
 * flips each followed by a normalised Walsh-Hadamard transform. It keeps dot products (it is
 * orthogonal) and spreads every vector's energy evenly over the coordinates, whatever directions
 * the face model favours, so that each rotated coordinate of a unit vector is close to
 * N(0, 1/512): one sign bit or a 4-bit level per coordinate then carries about the same
 * information everywhere. O(d log d) per vector instead of a dense matrix's d^2, which matters when
 * a million templates are encoded at start-up.
 */
final class Rotation {

    static final int DIMENSIONS = FaceEmbedding.DIMENSIONS;
    private static final int ROUNDS = 3;
    /** Fixed: codes built by one server must mean the same to the next. */
    private static final long SEED = 0x5EED_FACE_6A7EL;
    /** Three transforms each scaled by 1/sqrt(512). */
    private static final float SCALE = (float) Math.pow(DIMENSIONS, -ROUNDS / 2.0);

    private static final float[][] SIGNS = new float[ROUNDS][DIMENSIONS];

    static {
        SplittableRandom random = new SplittableRandom(SEED);
        for (float[] round : SIGNS) {
            for (int i = 0; i < DIMENSIONS; i++) {
                round[i] = random.nextBoolean() ? 1f : -1f;
            }
        }
    }

    private Rotation() {
    }

    /** The rotated copy of {@code values} (512 floats). */
    static float[] rotate(float[] values) {
        float[] x = values.clone();
        for (float[] signs : SIGNS) {
            for (int i = 0; i < DIMENSIONS; i++) {
                x[i] *= signs[i];
            }
            hadamard(x);
        }
        for (int i = 0; i < DIMENSIONS; i++) {
            x[i] *= SCALE;
        }
        return x;
    }

    /** In-place unnormalised fast Walsh-Hadamard transform. */
    private static void hadamard(float[] x) {
        for (int half = 1; half < DIMENSIONS; half <<= 1) {
            for (int start = 0; start < DIMENSIONS; start += half << 1) {
                for (int i = start; i < start + half; i++) {
                    float a = x[i];
                    float b = x[i + half];
                    x[i] = a + b;
                    x[i + half] = a - b;
                }
            }
        }
    }
}
