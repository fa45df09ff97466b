package io.facegate.identification;

import io.facegate.clients.ClientUserDeleted;
import io.facegate.domain.enrollment.FaceTemplate;
import io.facegate.enrollment.EnrollmentCompleted;
import io.facegate.enrollment.Enrollments;
import io.facegate.enrollment.TemplateVault;
import io.facegate.recognition.FaceEmbedding;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.concurrent.ManagedThreadFactoryDefinition;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Every client's enrolled faces, searchable 1:N in memory. A client's index is loaded from its
 * stored templates on first search and then kept current by the enrollments and erasures it
 * observes once their transaction has committed: a rolled-back enrollment is never searchable. A
 * client with at least {@code facegate.identification.compact-from} templates gets a compact index,
 * which opens the sealed templates of a search's few closest candidates to compute their exact
 * similarity, and spreads a search over the machine's cores: the searching thread and a managed
 * thread per further core. Deciding what a search's result means (thresholds, ambiguity) is
 * {@link FaceRecognition}'s.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@ManagedThreadFactoryDefinition(name = FaceGallery.THREADS)
public class FaceGallery {

    static final String THREADS = "java:app/concurrent/facegate-gallery-search";

    /** Templates read per query while a gallery loads: a million do not fit in memory at once. */
    private static final int PAGE = 2000;
    /** Ids per query when candidates' templates are opened (PostgreSQL's bind limits are far above). */
    private static final int IDS_PER_QUERY = 500;

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    @Inject
    TemplateVault vault;

    @Inject
    Enrollments enrollments;

    @Inject
    IdentificationSettings settings;

    /** Threads made by the application's factory carry its context from creation (as in {@code FrameWorker}). */
    @Resource(lookup = THREADS)
    ManagedThreadFactory threads;

    private ThreadPoolExecutor helpers;
    private SearchThreads searchThreads;

    private final Map<UUID, GalleryIndex> indexes = new ConcurrentHashMap<>();

    /**
     * One helper per core besides the searching thread's. Searches that run at once share the
     * helpers; one that finds them busy does its chunks itself ({@link SearchThreads}).
     */
    @PostConstruct
    void start() {
        int cores = Runtime.getRuntime().availableProcessors();
        if (cores == 1) {
            searchThreads = SearchThreads.CALLER_ONLY;
            return;
        }
        helpers = new ThreadPoolExecutor(cores - 1, cores - 1, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), threads);
        helpers.allowCoreThreadTimeOut(true);
        searchThreads = new SearchThreads(helpers, cores - 1);
    }

    @PreDestroy
    void stop() {
        if (helpers != null) {
            helpers.shutdownNow();
        }
    }

    /** The client's enrolled faces at {@code threshold} or above: the most similar, and all within the ambiguity margin of it. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public GallerySearch search(UUID clientId, FaceEmbedding probe, double threshold) {
        return index(clientId).search(probe, threshold, settings.ambiguityMargin(), people -> storedTemplates(clientId, people));
    }

    /** How many faces the client has enrolled. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public int size(UUID clientId) {
        return index(clientId).size();
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

    /** Reads the client's templates page by page (keyset pagination), opening each into the index. */
    private GalleryIndex load(UUID clientId) {
        GalleryIndex index = new GalleryIndex(settings.compactFrom(), searchThreads);
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
