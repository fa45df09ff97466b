package io.facegate.clients;

import io.facegate.domain.clients.ClientUser;
import io.facegate.enrollment.EnrollmentSettings;
import io.facegate.enrollment.Enrollments;
import io.facegate.system.ErrorKind;
import io.facegate.system.FaceGateException;
import io.facegate.system.ObjectStorage;
import io.facegate.system.Page;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.util.UUID;

/**
 * A tenant's people. Every operation takes the caller's client id: another client's user is
 * indistinguishable from a missing one.
 */
@Stateless
public class ClientUserDirectory {

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    @Inject
    ObjectStorage storage;

    @Inject
    Enrollments enrollments;

    @Inject
    Event<ClientUserDeleted> deleted;

    @Inject
    EnrollmentSettings enrollmentSettings;

    public ClientUser register(UUID clientId, String externalUserId, String displayName, String metadataJson) {
        if (externalUserId != null && findByExternalId(clientId, externalUserId.strip()) != null) {
            throw new FaceGateException(ErrorKind.CONFLICT, "user_exists",
                    "a user with this external_user_id already exists");
        }
        ClientUser user;
        try {
            user = new ClientUser(clientId, externalUserId, displayName, metadataJson);
        } catch (IllegalArgumentException e) {
            throw FaceGateException.invalid("invalid_user", e.getMessage());
        }
        em.persist(user);
        return user;
    }

    public ClientUser find(UUID clientId, UUID userId) {
        ClientUser user = em.find(ClientUser.class, userId);
        if (user == null || !user.belongsTo(clientId)) {
            throw FaceGateException.notFound("user");
        }
        return user;
    }

    public ClientUser findByExternalId(UUID clientId, String externalUserId) {
        return em.createNamedQuery(ClientUser.BY_EXTERNAL_ID, ClientUser.class)
                .setParameter("clientId", clientId)
                .setParameter("externalUserId", externalUserId)
                .getResultStream().findFirst().orElse(null);
    }

    /**
     * @param search     matches external id or display name (case-insensitive substring); may be null
     * @param isEnrolled filters on enrollment; may be null
     */
    public Page<ClientUser> list(UUID clientId, String search, Boolean isEnrolled, int offset, int limit) {
        Page.validate(offset, limit);
        String where = " where u.clientId = :clientId"
                + (search != null ? " and (lower(u.externalUserId) like :search or lower(u.displayName) like :search)" : "")
                + (isEnrolled != null ? " and u.enrolled = :enrolled" : "");
        TypedQuery<Long> count = em.createQuery("select count(u) from ClientUser u" + where, Long.class);
        TypedQuery<ClientUser> items = em.createQuery("select u from ClientUser u" + where + " order by u.createdAt desc, u.id", ClientUser.class);
        for (TypedQuery<?> q : new TypedQuery<?>[]{count, items}) {
            q.setParameter("clientId", clientId);
            if (search != null) {
                q.setParameter("search", "%" + search.toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%");
            }
            if (isEnrolled != null) {
                q.setParameter("enrolled", isEnrolled);
            }
        }
        return new Page<>(count.getSingleResult(), offset, limit,
                items.setFirstResult(offset).setMaxResults(limit).getResultList());
    }

    /** Changes the fields given; concurrent changes of one person apply one after the other (the row is locked). */
    public ClientUser describe(UUID clientId, UUID userId, String displayName, String metadataJson) {
        ClientUser user = em.find(ClientUser.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (user == null || !user.belongsTo(clientId)) {
            throw FaceGateException.notFound("user");
        }
        user.describe(displayName, metadataJson);
        return user;
    }

    /** Deletes the person and everything of their face: template, samples, profile image. */
    public void delete(UUID clientId, UUID userId) {
        ClientUser user = find(clientId, userId);
        enrollments.forget(user);
        em.remove(user);
        deleted.fire(new ClientUserDeleted(clientId, userId, user.getExternalUserId(), Instant.now()));
    }

    /** A time-limited URL for the user's profile image, or null when there is none. */
    public String profileImageUrl(ClientUser user) {
        return user.getProfileImageKey() == null ? null : storage.presignedUrl(user.getProfileImageKey(), (int) enrollmentSettings.profileImageUrlTtl().toSeconds());
    }
}
