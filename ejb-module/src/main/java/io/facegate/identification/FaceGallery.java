package io.facegate.identification;

import io.facegate.domain.enrollment.FaceTemplate;
import io.facegate.enrollment.TemplateVault;
import io.facegate.recognition.FaceEmbedding;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every client's enrolled faces, searchable 1:N in memory. A client's index is loaded from its
 * stored templates on first search and then kept current by enrollment and deletion, which call
 * {@link #put} and {@link #remove} only after their transaction has committed.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class FaceGallery {

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    @Inject
    TemplateVault vault;

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

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void put(UUID clientId, UUID clientUserId, FaceEmbedding template) {
        index(clientId).put(clientUserId, template);
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void remove(UUID clientId, UUID clientUserId) {
        index(clientId).remove(clientUserId);
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
