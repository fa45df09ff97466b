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
import jakarta.persistence.TypedQuery;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every client's enrolled faces, searchable 1:N in memory. A client's index is loaded from its
 * stored templates on first search and then kept current by enrollment and deletion, which call
 * {@link #put} and {@link #remove} only after their transaction has committed. A client with at
 * least {@code facegate.identification.compact-from} templates gets a compact index, which opens
 * the sealed templates of a search's few closest candidates to compute their exact similarity.
 * <p>
 * A search's threshold is raised, if need be, to what {@link FalseMatchPolicy} asks for the
 * gallery's size: the more people enrolled, the likelier a stranger resembles one of them.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class FaceGallery {

    /** Templates read per query while a gallery loads: a million do not fit in memory at once. */
    private static final int PAGE = 2000;
    /** Ids per query when candidates' templates are opened (PostgreSQL's bind limits are far above). */
    private static final int IDS_PER_QUERY = 500;

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    @Inject
    TemplateVault vault;

    /** Two candidates this close to each other are reported as ambiguous rather than guessed between. */
    @Inject
    @ConfigProperty(name = "facegate.identification.ambiguity-margin", defaultValue = "0.05")
    double ambiguityMargin;

    /** Gallery size from which compact codes replace float templates (docs/benchmarks/identification.md). */
    @Inject
    @ConfigProperty(name = "facegate.identification.compact-from", defaultValue = "" + GalleryIndex.DEFAULT_COMPACT_FROM)
    int compactFrom;

    /** Accepted probability that someone not enrolled matches anyone, whatever the gallery's size. */
    @Inject
    @ConfigProperty(name = "facegate.identification.false-match-rate", defaultValue = "" + FalseMatchPolicy.DEFAULT_RATE)
    double falseMatchRate;

    private final Map<UUID, GalleryIndex> indexes = new ConcurrentHashMap<>();

    /**
     * The best match among the client's enrolled people at {@code threshold}, or at the
     * {@link FalseMatchPolicy}'s threshold for the gallery's size where that is higher.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public GallerySearch search(UUID clientId, FaceEmbedding probe, double threshold) {
        GalleryIndex index = index(clientId);
        double required = Math.max(threshold, new FalseMatchPolicy(falseMatchRate).threshold(index.size()));
        return index.search(probe, required, ambiguityMargin, people -> storedTemplates(clientId, people));
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

    /** Reads the client's templates page by page (keyset pagination), opening each into the index. */
    private GalleryIndex load(UUID clientId) {
        GalleryIndex index = new GalleryIndex(compactFrom);
        TypedQuery<Object[]> page = em.createNamedQuery(FaceTemplate.SEALED_OF_CLIENT_FIRST, Object[].class)
                .setParameter("clientId", clientId);
        while (true) {
            List<Object[]> rows = page.setMaxResults(PAGE).getResultList();
            for (Object[] row : rows) {
                UUID owner = (UUID) row[0];
                index.put(owner, vault.open((byte[]) row[1], owner));
            }
            if (rows.size() < PAGE) {
                return index;
            }
            page = em.createNamedQuery(FaceTemplate.SEALED_OF_CLIENT_AFTER, Object[].class)
                    .setParameter("clientId", clientId).setParameter("after", rows.get(rows.size() - 1)[0]);
        }
    }

    /** The stored templates of some of the client's people, opened: the exact side of a compact search. */
    private Map<UUID, FaceEmbedding> storedTemplates(UUID clientId, Collection<UUID> people) {
        Map<UUID, FaceEmbedding> templates = new HashMap<>();
        List<UUID> ids = new ArrayList<>(people);
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            em.createNamedQuery(FaceTemplate.SEALED_OF_USERS, Object[].class)
                    .setParameter("clientId", clientId)
                    .setParameter("clientUserIds", ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)))
                    .getResultList()
                    .forEach(row -> templates.put((UUID) row[0], vault.open((byte[]) row[1], (UUID) row[0])));
        }
        return templates;
    }
}
