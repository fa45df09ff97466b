package io.facegate.identification;

import io.facegate.recognition.FaceEmbedding;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/** Synthetic unit embeddings, and the 1:N search done the obvious way, for comparison. */
final class Embeddings {

    private Embeddings() {
    }

    /** Uniform on the unit sphere; two of them have similarity ~N(0, 1/sqrt(512)), like strangers' faces. */
    static FaceEmbedding random(Random random) {
        float[] values = new float[FaceEmbedding.DIMENSIONS];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return unit(values);
    }

    /** {@code base} plus Gaussian noise of the given size, normalised: the same face photographed again. */
    static FaceEmbedding near(FaceEmbedding base, double noise, Random random) {
        float[] values = base.values().clone();
        for (int i = 0; i < values.length; i++) {
            values[i] += (float) (noise * random.nextGaussian() / Math.sqrt(values.length));
        }
        return unit(values);
    }

    private static FaceEmbedding unit(float[] values) {
        double squares = 0;
        for (float value : values) {
            squares += (double) value * value;
        }
        double norm = Math.sqrt(squares);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (values[i] / norm);
        }
        return new FaceEmbedding(values);
    }

    /** Every template compared with the probe by {@link FaceEmbedding#similarity}, as the index promises to. */
    static GallerySearch bruteForce(Map<UUID, FaceEmbedding> gallery, FaceEmbedding probe, double threshold, double margin) {
        List<GalleryMatch> matches = gallery.entrySet().stream()
                .map(entry -> new GalleryMatch(entry.getKey(), entry.getValue().similarity(probe)))
                .filter(match -> match.similarity() >= threshold)
                .sorted(Comparator.comparingDouble(GalleryMatch::similarity).reversed()
                        .thenComparing(GalleryMatch::clientUserId))
                .toList();
        if (matches.isEmpty()) {
            return new GallerySearch(Optional.empty(), List.of(), gallery.size());
        }
        double best = matches.get(0).similarity();
        return new GallerySearch(Optional.of(matches.get(0)),
                matches.stream().filter(match -> match.similarity() >= best - margin).toList(), gallery.size());
    }
}
