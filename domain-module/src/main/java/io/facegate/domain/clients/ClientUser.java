package io.facegate.domain.clients;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * A person known to one client, identified by the client's own id for them
 * ({@code external_user_id}, unique per client).
 */
@Entity
@Table(name = "client_user")
@NamedQuery(name = ClientUser.BY_EXTERNAL_ID,
        query = "select u from ClientUser u where u.clientId = :clientId and u.externalUserId = :externalUserId")
public class ClientUser {

    public static final String BY_EXTERNAL_ID = "ClientUser.byExternalId";
    public static final int MAX_EXTERNAL_ID_LENGTH = 255;
    public static final int MAX_DISPLAY_NAME_LENGTH = 255;

    @Id
    private UUID id;

    @Column(name = "client_id", nullable = false, updatable = false)
    private UUID clientId;

    @Column(name = "external_user_id", nullable = false, updatable = false)
    private String externalUserId;

    @Column(name = "display_name")
    private String displayName;

    @Column(name = "is_enrolled", nullable = false)
    private boolean enrolled;

    @Column(name = "enrollment_completed_at")
    private Instant enrollmentCompletedAt;

    @Column(name = "profile_image_key")
    private String profileImageKey;

    /** Free-form JSON object owned by the client. */
    @Column(nullable = false)
    private String metadata;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected ClientUser() {
        // for JPA
    }

    public ClientUser(UUID clientId, String externalUserId, String displayName, String metadataJson) {
        if (clientId == null) {
            throw new IllegalArgumentException("clientId must not be null");
        }
        String external = Client.requireText(externalUserId, "external_user_id").strip();
        if (external.length() > MAX_EXTERNAL_ID_LENGTH) {
            throw new IllegalArgumentException("external_user_id must be at most " + MAX_EXTERNAL_ID_LENGTH + " characters");
        }
        this.id = UUID.randomUUID();
        this.clientId = clientId;
        this.externalUserId = external;
        this.displayName = displayName;
        this.metadata = metadataJson == null ? "{}" : metadataJson;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    public void describe(String newDisplayName, String newMetadataJson) {
        if (newDisplayName != null) {
            this.displayName = newDisplayName;
        }
        if (newMetadataJson != null) {
            this.metadata = newMetadataJson;
        }
        touch();
    }

    /** Records a finished enrollment; the new profile image replaces the previous one. */
    public void completeEnrollment(String newProfileImageKey, Instant completedAt) {
        this.enrolled = true;
        this.enrollmentCompletedAt = completedAt;
        this.profileImageKey = newProfileImageKey;
        touch();
    }

    public void forgetFace() {
        this.enrolled = false;
        this.enrollmentCompletedAt = null;
        this.profileImageKey = null;
        touch();
    }

    public boolean belongsTo(UUID client) {
        return clientId.equals(client);
    }

    private void touch() {
        this.updatedAt = Instant.now();
    }

    public UUID getId() {
        return id;
    }

    public UUID getClientId() {
        return clientId;
    }

    public String getExternalUserId() {
        return externalUserId;
    }

    public String getDisplayName() {
        return displayName;
    }

    public boolean isEnrolled() {
        return enrolled;
    }

    public Instant getEnrollmentCompletedAt() {
        return enrollmentCompletedAt;
    }

    public String getProfileImageKey() {
        return profileImageKey;
    }

    public String getMetadata() {
        return metadata;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
