package io.facegate.enrollment;

import io.facegate.domain.clients.ClientUser;
import io.facegate.domain.enrollment.FaceSample;
import io.facegate.domain.enrollment.FaceTemplate;
import io.facegate.recognition.FaceEmbedding;
import io.facegate.system.AfterCommit;
import io.facegate.system.ObjectStorage;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A person's enrolled face: the template matched against, the samples it came from and the
 * profile image. A new enrollment replaces all three; forgetting a person erases all three.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class Enrollments {

    private static final DateTimeFormatter PROFILE_KEY_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    @Inject
    TemplateVault vault;

    @Inject
    ObjectStorage storage;

    @Inject
    Event<EnrollmentCompleted> enrolled;

    @Inject
    AfterCommit afterCommit;

    /** One accepted enrollment frame. */
    public record Sample(FaceEmbedding embedding, double quality) {
    }

    /**
     * Stores the enrollment's template, samples and profile image in the caller's transaction and
     * announces it ({@link EnrollmentCompleted}); the old profile image is deleted once it commits.
     *
     * @param profileJpeg the new profile image; null keeps the current one (a template given as an embedding)
     */
    public void enroll(ClientUser user, UUID sessionId, List<Sample> samples, byte[] profileJpeg) {
        Instant now = Instant.now();
        UUID userId = user.getId();
        FaceEmbedding template = FaceEmbedding.mean(samples.stream().map(Sample::embedding).toList());
        FaceTemplate stored = Optional.ofNullable(em.find(FaceTemplate.class, userId)).orElseGet(() -> {
            FaceTemplate created = new FaceTemplate(userId, user.getClientId(), now);
            em.persist(created);
            return created;
        });
        stored.replace(vault.seal(template, userId), TemplateVault.EMBEDDING_MODEL, samples.size(), sessionId, now);
        em.createNamedQuery(FaceSample.DELETE_OF_USER).setParameter("clientUserId", userId).executeUpdate();
        for (Sample sample : samples) {
            em.persist(new FaceSample(userId, sessionId, vault.seal(sample.embedding(), userId), TemplateVault.EMBEDDING_MODEL,
                    sample.quality(), now));
        }
        String previousImage = user.getProfileImageKey();
        if (profileJpeg == null) {
            // A template from an embedding alone (seed 002's encoding): there is no picture, the old one stays.
            user.completeEnrollment(previousImage, now);
        } else {
            String profileKey = "client_users/profiles/" + PROFILE_KEY_DATE.format(now) + "/profile_" + userId + "_" + sessionId + ".jpg";
            storage.put(profileKey, profileJpeg, "image/jpeg");
            afterCommit.runOnRollback("delete uploaded profile image " + profileKey, () -> storage.delete(profileKey));
            user.completeEnrollment(profileKey, now);
            if (previousImage != null) {
                afterCommit.run("delete replaced profile image " + previousImage, () -> storage.delete(previousImage));
            }
        }
        enrolled.fire(new EnrollmentCompleted(user.getClientId(), userId, user.getExternalUserId(), sessionId, samples.size(), now));
    }

    /** The person's template, or empty when they have none. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<FaceEmbedding> templateOf(UUID clientUserId) {
        return Optional.ofNullable(em.find(FaceTemplate.class, clientUserId)).map(t -> vault.open(t.getTemplateSealed(), clientUserId));
    }

    /**
     * Erases the person's face: template and samples (the database cascades them with the
     * person's row, deleted by the caller) and, once that commits, the profile image.
     */
    public void forget(ClientUser user) {
        String image = user.getProfileImageKey();
        if (image != null) {
            afterCommit.run("delete profile image " + image, () -> storage.delete(image));
        }
    }
}
