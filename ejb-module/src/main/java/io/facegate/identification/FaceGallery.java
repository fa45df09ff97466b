package io.facegate.identification;

import io.facegate.clients.ClientUserDeleted;
import io.facegate.domain.enrollment.FaceTemplate;
import io.facegate.enrollment.EnrollmentCompleted;
import io.facegate.enrollment.Enrollments;
import io.facegate.enrollment.TemplateVault;
import io.facegate.recognition.FaceEmbedding;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every client's enrolled faces, searchable 1:N in memory. A client's index is loaded from its
 * stored templates on first search and then kept current by the enrollments and erasures it
 * observes once their transaction has committed: a rolled-back enrollment is never searchable.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class FaceGallery {

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    @Inject
    TemplateVault vault;

    @Inject
    Enrollments enrollments;

    /** Two candidates this close to each other are reported as ambiguous rather than guessed between. */
    @Inject
    @ConfigProperty(name = "facegate.identification.ambiguity-margin", defaultValue = "0.05")
    double ambiguityMargin;

    private final Map<UUID, GalleryIndex> indexes = new ConcurrentHashMap<>();

    /** The best match at {@code threshold} among the client's enrolled people. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public GallerySearch search(UUID clientId, FaceEmbedding probe, double threshold) {
        return index(clientId).search(probe, threshold, ambiguityMargin);
    }

    /** Indexes the newly enrolled template (re-read from the database: the event carries ids, not faces). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void enrolled(@Observes(during = TransactionPhase.AFTER_SUCCESS) EnrollmentCompleted enrollment) {
        enrollments.templateOf(enrollment.clientUserId())
                .ifPresent(template -> index(enrollment.clientId()).put(enrollment.clientUserId(), template));
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void erased(@Observes(during = TransactionPhase.AFTER_SUCCESS) ClientUserDeleted deletion) {
        index(deletion.clientId()).remove(deletion.clientUserId());
    }

    /**
     * Loading under computeIfAbsent makes a concurrent put wait for the load, so a template
     * committed while the client's rows were being read is not lost.
     */
    private GalleryIndex index(UUID clientId) {
        return indexes.computeIfAbsent(clientId, this::load);
    }

    private GalleryIndex load(UUID clientId) {
        GalleryIndex index = new GalleryIndex();
        em.createNamedQuery(FaceTemplate.OF_CLIENT, FaceTemplate.class).setParameter("clientId", clientId)
                .getResultStream()
                .forEach(t -> index.put(t.getClientUserId(), vault.open(t.getTemplateSealed(), t.getClientUserId())));
        return index;
    }
}
