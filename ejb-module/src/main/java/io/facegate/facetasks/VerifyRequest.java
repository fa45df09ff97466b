package io.facegate.facetasks;

import java.util.List;

/**
 * What a verify task is asked: one image (seed 004's {@code /face/verify/}, its largest face) or
 * several (seed 004's {@code /face/bulk-verify/}, every face up to {@code maxFaces}).
 *
 * @param minQuality          quality score a face needs to be recognised (bulk's {@code quality_threshold}; 0 for none)
 * @param similarityThreshold the similarity a match needs; never below the server's
 */
public record VerifyRequest(List<Frame> frames, boolean everyFace, int maxFaces, double minQuality, double similarityThreshold) {

    /** One image and where it was taken. */
    public record Frame(String id, String image, String cameraCode, String location) {
    }
}
