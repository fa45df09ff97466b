package io.facegate.domain.enrollment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * The face a person is matched against, one per enrolled person; re-enrollment replaces it. The
 * embedding is stored sealed (encrypted and authenticated) and opened only in memory.
 */
@Entity
@Table(name = "face_template")
@NamedQuery(name = FaceTemplate.SEALED_OF_CLIENT_FIRST, query = "select t.clientUserId, t.templateSealed from FaceTemplate t"
        + " where t.clientId = :clientId order by t.clientUserId")
@NamedQuery(name = FaceTemplate.SEALED_OF_CLIENT_AFTER, query = "select t.clientUserId, t.templateSealed from FaceTemplate t"
        + " where t.clientId = :clientId and t.clientUserId > :after order by t.clientUserId")
@NamedQuery(name = FaceTemplate.SEALED_OF_USERS, query = "select t.clientUserId, t.templateSealed from FaceTemplate t"
        + " where t.clientId = :clientId and t.clientUserId in :clientUserIds")
public class FaceTemplate {

    /** A client's (user id, sealed template) pairs in user id order: the first page; then {@link #SEALED_OF_CLIENT_AFTER}. */
    public static final String SEALED_OF_CLIENT_FIRST = "FaceTemplate.sealedOfClientFirst";
    /** The next page of {@link #SEALED_OF_CLIENT_FIRST}, after the last user id seen. */
    public static final String SEALED_OF_CLIENT_AFTER = "FaceTemplate.sealedOfClientAfter";
    /** (user id, sealed template) of some of a client's users. */
    public static final String SEALED_OF_USERS = "FaceTemplate.sealedOfUsers";

    @Id
    @Column(name = "client_user_id")
    private UUID clientUserId;

    @Column(name = "client_id", nullable = false, updatable = false)
    private UUID clientId;

    @Column(name = "template_sealed", nullable = false)
    private byte[] templateSealed;

    @Column(name = "embedding_model", nullable = false)
    private String embeddingModel;

    @Column(name = "sample_count", nullable = false)
    private int sampleCount;

    @Column(name = "enrollment_session_id", nullable = false)
    private UUID enrollmentSessionId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected FaceTemplate() {
        // for JPA
    }

    public FaceTemplate(UUID clientUserId, UUID clientId, Instant now) {
        this.clientUserId = clientUserId;
        this.clientId = clientId;
        this.createdAt = now;
    }

    /** Takes the template of a newly completed enrollment. */
    public void replace(byte[] sealedTemplate, String model, int samples, UUID sessionId, Instant now) {
        if (samples < 1) {
            throw new IllegalArgumentException("a template needs at least one sample");
        }
        this.templateSealed = sealedTemplate.clone();
        this.embeddingModel = model;
        this.sampleCount = samples;
        this.enrollmentSessionId = sessionId;
        this.updatedAt = now;
    }

    public UUID getClientUserId() {
        return clientUserId;
    }

    public UUID getClientId() {
        return clientId;
    }

    public byte[] getTemplateSealed() {
        return templateSealed.clone();
    }

    public String getEmbeddingModel() {
        return embeddingModel;
    }

    public int getSampleCount() {
        return sampleCount;
    }
}
