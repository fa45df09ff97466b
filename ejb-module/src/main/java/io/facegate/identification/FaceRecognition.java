package io.facegate.identification;

import io.facegate.enrollment.Enrollments;
import io.facegate.recognition.FaceEmbedding;
import io.facegate.recognition.FaceEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Recognition as a service: a probe face decided against one person (1:1 verification) or
 * against a tenant's enrolled people (1:N identification), with no session around it. Sessions,
 * camera frames and attendance verification all ask here, so they decide the same way.
 */
@ApplicationScoped
public class FaceRecognition {

    /** Cosine similarity can go no lower: searching from here finds the nearest face whatever it scores. */
    private static final double ANY_SIMILARITY = -1;

    @Inject
    FaceGallery gallery;

    @Inject
    Enrollments enrollments;

    @Inject
    FaceEngine engine;

    @Inject
    IdentificationSettings settings;

    /** The configured similarity at which two faces are the same person. */
    public double defaultThreshold() {
        return engine.settings().matchThreshold();
    }

    /** Whom of the tenant's enrolled people {@code probe} is, at the default threshold. */
    public RecognitionDecision identify(UUID clientId, FaceEmbedding probe) {
        return identify(clientId, probe, defaultThreshold());
    }

    /**
     * Whom of the tenant's enrolled people {@code probe} is, at {@code threshold} (a camera's own,
     * say) or at the {@link FalseMatchPolicy}'s threshold for the gallery's size where that is
     * higher: the more people enrolled, the likelier a stranger resembles one of them.
     */
    public RecognitionDecision identify(UUID clientId, FaceEmbedding probe, double threshold) {
        double required = Math.max(threshold, settings.falseMatchPolicy().threshold(gallery.size(clientId)));
        return RecognitionDecision.of(gallery.search(clientId, probe, ANY_SIMILARITY), required);
    }

    /** Whether {@code probe} is the enrolled person {@code clientUserId}, at the default threshold. */
    public RecognitionDecision verify(UUID clientUserId, FaceEmbedding probe) {
        double threshold = defaultThreshold();
        return enrollments.templateOf(clientUserId)
                .map(template -> {
                    GalleryMatch compared = new GalleryMatch(clientUserId, probe.similarity(template));
                    return RecognitionDecision.of(new GallerySearch(Optional.of(compared), List.of(compared), 1), threshold);
                })
                .orElseGet(() -> RecognitionDecision.notEnrolled(threshold));
    }
}
