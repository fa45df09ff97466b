package io.facegate.domain.profiles;

import io.facegate.domain.shared.OptionalUuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * Seed 002's facial profile: where a person's face comes from (a photo URL, a photo stored from a
 * bulk import, or an embedding of FaceGate's own model, sealed), and which model made the
 * template last taken from it, so that a model upgrade can re-enroll everyone from their sources.
 */
@Entity
@Table(name = "facial_profile")
public class FacialProfile {

    public static final int MAX_PROVIDER_LENGTH = 64;
    public static final int MAX_PROVIDER_FACE_ID_LENGTH = 255;
    public static final int MAX_VERSION_LENGTH = 64;
    public static final int MAX_IMAGE_URL_LENGTH = 2000;
    private static final int MAX_ERROR_LENGTH = 1000;

    @Id
    private UUID id;

    @Column(name = "client_id", nullable = false, updatable = false)
    private UUID clientId;

    @Column(name = "client_user_id", nullable = false, updatable = false)
    private UUID clientUserId;

    @Column(nullable = false)
    private String provider;

    @Column(name = "provider_face_id")
    private String providerFaceId;

    @Column(name = "source_version")
    private String sourceVersion;

    @Column(name = "image_url")
    private String imageUrl;

    @Column(name = "image_key")
    private String imageKey;

    @Column(name = "embedding_sealed")
    private byte[] embeddingSealed;

    @Column(name = "embedding_model")
    private String embeddingModel;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "import_id", updatable = false)
    @Convert(converter = OptionalUuidConverter.class)
    private UUID importId;

    @Column(name = "template_model")
    private String templateModel;

    @Column(name = "synced_at")
    private Instant syncedAt;

    @Column(name = "sync_error")
    private String syncError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected FacialProfile() {
        // for JPA
    }

    /**
     * @param source where the face comes from: at least one of its parts
     * @throws IllegalArgumentException when the source is empty or a field is too long
     */
    public FacialProfile(UUID clientId, UUID clientUserId, String provider, String providerFaceId, String sourceVersion, Source source,
                         UUID importId, Instant now) {
        if (source.imageUrl() == null && source.imageKey() == null && source.embeddingSealed() == null) {
            throw new IllegalArgumentException("a profile needs a photo (imageUrl) or an embedding");
        }
        this.id = UUID.randomUUID();
        this.clientId = clientId;
        this.clientUserId = clientUserId;
        this.provider = bounded("provider", provider, MAX_PROVIDER_LENGTH);
        this.providerFaceId = bounded("providerFaceId", providerFaceId, MAX_PROVIDER_FACE_ID_LENGTH);
        this.sourceVersion = bounded("version", sourceVersion, MAX_VERSION_LENGTH);
        this.imageUrl = bounded("imageUrl", source.imageUrl(), MAX_IMAGE_URL_LENGTH);
        this.imageKey = source.imageKey();
        this.embeddingSealed = source.embeddingSealed();
        this.embeddingModel = source.embeddingModel();
        this.active = true;
        this.importId = importId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A profile's face source: a photo URL, a stored photo's key, and/or a sealed embedding with its model. */
    public record Source(String imageUrl, String imageKey, byte[] embeddingSealed, String embeddingModel) {
    }

    /** A template was made from this profile by {@code model}. */
    public void synced(String model, Instant at) {
        this.templateModel = model;
        this.syncedAt = at;
        this.syncError = null;
        this.updatedAt = at;
    }

    /** The last sync could not make a template from it; the person's template, if any, stays. */
    public void syncFailed(String error, Instant at) {
        this.syncError = error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
        this.syncedAt = at;
        this.updatedAt = at;
    }

    public void deactivate(Instant at) {
        this.active = false;
        this.updatedAt = at;
    }

    public boolean belongsTo(UUID client) {
        return clientId.equals(client);
    }

    private static String bounded(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException(field + " is longer than " + max + " characters");
        }
        return value;
    }

    public UUID getId() {
        return id;
    }

    public UUID getClientId() {
        return clientId;
    }

    public UUID getClientUserId() {
        return clientUserId;
    }

    public String getProvider() {
        return provider;
    }

    public String getProviderFaceId() {
        return providerFaceId;
    }

    public String getSourceVersion() {
        return sourceVersion;
    }

    public String getImageUrl() {
        return imageUrl;
    }

    public String getImageKey() {
        return imageKey;
    }

    public byte[] getEmbeddingSealed() {
        return embeddingSealed;
    }

    public String getEmbeddingModel() {
        return embeddingModel;
    }

    public boolean isActive() {
        return active;
    }

    public UUID getImportId() {
        return importId;
    }

    public String getTemplateModel() {
        return templateModel;
    }

    public Instant getSyncedAt() {
        return syncedAt;
    }

    public String getSyncError() {
        return syncError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
