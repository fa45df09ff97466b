package io.facegate.profiles;

import io.facegate.clients.ClientUserDirectory;
import io.facegate.domain.clients.ClientUser;
import io.facegate.domain.profiles.FacialProfile;
import io.facegate.egress.EgressPolicy;
import io.facegate.egress.EgressTarget;
import io.facegate.enrollment.TemplateVault;
import io.facegate.system.AfterCommit;
import io.facegate.system.FaceGateException;
import io.facegate.system.ObjectStorage;
import io.facegate.system.Page;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Seed 002's facial profiles: a person's face source, stored so that templates can be made (synced)
 * from it now and again after a model upgrade. A profile names its person by the client's own id
 * (seed 002's {@code clientId}); a person not known yet is registered. A photo URL must pass the
 * egress policy when saved (and again when fetched); an embedding is kept only when FaceGate's
 * model computed it, sealed like a template.
 */
@Stateless
public class FacialProfiles {

    /** The provider a profile gets when none is named. */
    public static final String DEFAULT_PROVIDER = "facegate";

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    @Inject
    ClientUserDirectory directory;

    @Inject
    TemplateVault vault;

    @Inject
    EgressPolicy egress;

    @Inject
    ObjectStorage storage;

    @Inject
    AfterCommit afterCommit;

    /**
     * A profile as a client describes it.
     *
     * @param personId  the client's own id for the person (seed 002's {@code clientId})
     * @param name      the person's name, used when the person is registered by this profile
     * @param embedding taken only with FaceGate's {@code model}; ignored beside a photo otherwise
     * @param photo     a photo uploaded with a bulk import (stored in object storage), or null
     */
    public record NewProfile(String personId, String name, String provider, String providerFaceId, String version,
                             List<? extends Number> embedding, String model, String imageUrl, byte[] photo) {
    }

    /** A profile of a bulk import that was not stored, and why. */
    public record Rejected(int row, String personId, String error, String message) {
    }

    /** A bulk import: its id (its sync covers its profiles) and what it stored and refused. */
    public record Imported(UUID importId, int stored, List<Rejected> rejected) {
    }

    public FacialProfile create(UUID clientId, NewProfile profile) {
        return store(clientId, profile, null);
    }

    /** Stores every valid profile (in one transaction); the others are listed with their reasons. */
    public Imported importProfiles(UUID clientId, List<NewProfile> profiles) {
        UUID importId = UUID.randomUUID();
        List<Rejected> rejected = new ArrayList<>();
        int stored = 0;
        for (int row = 0; row < profiles.size(); row++) {
            NewProfile profile = profiles.get(row);
            // Checked here, before anything is stored: a refusal thrown out of a container call would roll the import back.
            FaceGateException problem = problem(profile);
            if (problem != null) {
                rejected.add(new Rejected(row + 1, profile.personId(), problem.code(), problem.getMessage()));
                continue;
            }
            store(clientId, profile, importId);
            stored++;
        }
        return new Imported(importId, stored, rejected);
    }

    /** Newest first; {@code personId} (the client's own id) and {@code activeOnly} filter when given. */
    public Page<FacialProfile> list(UUID clientId, String personId, boolean activeOnly, int offset, int limit) {
        Page.validate(offset, limit);
        ClientUser person = personId == null ? null : directory.findByExternalId(clientId, personId.strip());
        if (personId != null && person == null) {
            return new Page<>(0, offset, limit, List.of());
        }
        String where = " where p.clientId = :clientId" + (person != null ? " and p.clientUserId = :person" : "")
                + (activeOnly ? " and p.active = true" : "");
        TypedQuery<Long> count = em.createQuery("select count(p) from FacialProfile p" + where, Long.class);
        TypedQuery<FacialProfile> items = em.createQuery("select p from FacialProfile p" + where + " order by p.createdAt desc, p.id",
                FacialProfile.class);
        for (TypedQuery<?> query : List.<TypedQuery<?>>of(count, items)) {
            query.setParameter("clientId", clientId);
            if (person != null) {
                query.setParameter("person", person.getId());
            }
        }
        return new Page<>(count.getSingleResult(), offset, limit, items.setFirstResult(offset).setMaxResults(limit).getResultList());
    }

    /** The client's own id of each profile's person. */
    public Map<UUID, String> personIds(List<FacialProfile> profiles) {
        if (profiles.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> ids = new LinkedHashMap<>();
        em.createQuery("select u.id, u.externalUserId from ClientUser u where u.id in :ids", Object[].class)
                .setParameter("ids", profiles.stream().map(FacialProfile::getClientUserId).distinct().toList())
                .getResultStream().forEach(row -> ids.put((UUID) row[0], (String) row[1]));
        return ids;
    }

    private FacialProfile store(UUID clientId, NewProfile profile, UUID importId) {
        FaceGateException problem = problem(profile);
        if (problem != null) {
            throw problem;
        }
        ClientUser person = person(clientId, profile.personId().strip(), profile.name());
        Instant now = Instant.now();
        String imageUrl = blankToNull(profile.imageUrl());
        boolean ownEmbedding = profile.embedding() != null && isOwn(profile);
        byte[] sealed = ownEmbedding ? vault.seal(FaceSources.fromEmbedding(profile.embedding(), profile.model()).embedding(), person.getId()) : null;
        String imageKey = null;
        if (profile.photo() != null) {
            imageKey = "profiles/" + clientId + "/" + UUID.randomUUID() + ".img";
            String key = imageKey;
            storage.put(key, profile.photo(), "application/octet-stream");
            afterCommit.runOnRollback("delete the photo of an unsaved profile " + key, () -> storage.delete(key));
        }
        FacialProfile stored;
        try {
            stored = new FacialProfile(clientId, person.getId(), profile.provider() == null || profile.provider().isBlank()
                    ? DEFAULT_PROVIDER : profile.provider().strip(), blankToNull(profile.providerFaceId()), blankToNull(profile.version()),
                    new FacialProfile.Source(imageUrl, imageKey, sealed, sealed == null ? null : TemplateVault.EMBEDDING_MODEL), importId, now);
        } catch (IllegalArgumentException e) {
            throw FaceGateException.invalid("invalid_profile", e.getMessage());
        }
        em.persist(stored);
        return stored;
    }

    /**
     * Why the profile cannot be stored, or null. Without a photo, an embedding must be FaceGate's
     * own (the 422 of {@link FaceSources#fromEmbedding(List, String)}); a photo URL must pass the
     * egress policy. Returned, not thrown: an import lists it and goes on.
     */
    private FaceGateException problem(NewProfile profile) {
        if (profile.personId() == null || profile.personId().isBlank()) {
            return FaceGateException.invalid("missing_client_id", "clientId, the person's id in your system, is required");
        }
        String imageUrl = blankToNull(profile.imageUrl());
        try {
            if (imageUrl == null && profile.photo() == null) {
                if (profile.embedding() == null) {
                    return FaceGateException.invalid("missing_image", "a photo (imageUrl) or an embedding of FaceGate's model is required");
                }
                FaceSources.fromEmbedding(profile.embedding(), profile.model());
            }
            if (imageUrl != null) {
                egress.checkUrl(EgressTarget.IMAGE, imageUrl);
            }
        } catch (FaceGateException refused) {
            return refused;
        }
        return null;
    }

    private static boolean isOwn(NewProfile profile) {
        try {
            FaceSources.fromEmbedding(profile.embedding(), profile.model());
            return true;
        } catch (FaceGateException foreign) {
            return false;
        }
    }

    private ClientUser person(UUID clientId, String personId, String name) {
        ClientUser person = directory.findByExternalId(clientId, personId);
        return person != null ? person : directory.register(clientId, personId, blankToNull(name), null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
