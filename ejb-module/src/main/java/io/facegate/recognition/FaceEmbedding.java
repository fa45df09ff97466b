package io.facegate.recognition;

import java.util.List;

/** A face's 512-d feature vector, L2-normalised so that the dot product is the cosine similarity. */
public record FaceEmbedding(float[] values) {

    public static final int DIMENSIONS = 512;

    public FaceEmbedding {
        if (values.length != DIMENSIONS) {
            throw new IllegalArgumentException(DIMENSIONS + " values expected, got " + values.length);
        }
    }

    /** Normalises the {@value #DIMENSIONS} raw model outputs starting at {@code offset}. */
    static FaceEmbedding normalised(float[] raw, int offset) {
        double sum = 0;
        for (int i = 0; i < DIMENSIONS; i++) {
            sum += (double) raw[offset + i] * raw[offset + i];
        }
        float inverse = (float) (1 / Math.max(Math.sqrt(sum), 1e-12));
        float[] values = new float[DIMENSIONS];
        for (int i = 0; i < DIMENSIONS; i++) {
            values[i] = raw[offset + i] * inverse;
        }
        return new FaceEmbedding(values);
    }

    /**
     * The normalised mean of several embeddings of one face: a template averaged over pose and
     * light, steadier than any single frame.
     */
    public static FaceEmbedding mean(List<FaceEmbedding> embeddings) {
        if (embeddings.isEmpty()) {
            throw new IllegalArgumentException("the mean of no embeddings");
        }
        float[] sum = new float[DIMENSIONS];
        for (FaceEmbedding embedding : embeddings) {
            for (int i = 0; i < DIMENSIONS; i++) {
                sum[i] += embedding.values[i];
            }
        }
        return normalised(sum, 0);
    }

    /** Cosine similarity in [-1, 1]. */
    public double similarity(FaceEmbedding other) {
        double dot = 0;
        for (int i = 0; i < DIMENSIONS; i++) {
            dot += (double) values[i] * other.values[i];
        }
        return dot;
    }
}
