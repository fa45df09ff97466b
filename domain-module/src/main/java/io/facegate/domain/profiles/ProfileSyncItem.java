package io.facegate.domain.profiles;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** What became of one profile in one sync: a template, or why not. */
@Entity
@Table(name = "profile_sync_item")
@IdClass(ProfileSyncItem.Key.class)
public class ProfileSyncItem {

    private static final int MAX_MESSAGE_LENGTH = 1000;

    @Id
    @Column(name = "sync_id")
    private UUID syncId;

    @Id
    @Column(name = "profile_id")
    private UUID profileId;

    @Column(nullable = false)
    private boolean succeeded;

    @Column(name = "error_code")
    private String errorCode;

    @Column(name = "error_message")
    private String errorMessage;

    @Column(name = "processed_at", nullable = false)
    private Instant processedAt;

    /** The primary key: a class, not a record, since the persistence provider sets its fields. */
    public static class Key implements Serializable {
        private UUID syncId;
        private UUID profileId;

        public Key() {
            // for JPA
        }

        public Key(UUID syncId, UUID profileId) {
            this.syncId = syncId;
            this.profileId = profileId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(key.syncId, syncId) && Objects.equals(key.profileId, profileId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(syncId, profileId);
        }
    }

    protected ProfileSyncItem() {
        // for JPA
    }

    public static ProfileSyncItem succeeded(UUID syncId, UUID profileId, Instant at) {
        return new ProfileSyncItem(syncId, profileId, true, null, null, at);
    }

    public static ProfileSyncItem failed(UUID syncId, UUID profileId, String code, String message, Instant at) {
        return new ProfileSyncItem(syncId, profileId, false, code,
                message != null && message.length() > MAX_MESSAGE_LENGTH ? message.substring(0, MAX_MESSAGE_LENGTH) : message, at);
    }

    private ProfileSyncItem(UUID syncId, UUID profileId, boolean succeeded, String errorCode, String errorMessage, Instant at) {
        this.syncId = syncId;
        this.profileId = profileId;
        this.succeeded = succeeded;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        this.processedAt = at;
    }

    public UUID getSyncId() {
        return syncId;
    }

    public UUID getProfileId() {
        return profileId;
    }

    public boolean isSucceeded() {
        return succeeded;
    }

    public String getErrorCode() {
        return errorCode;
    }

    public String getErrorMessage() {
        return errorMessage;
    }

    public Instant getProcessedAt() {
        return processedAt;
    }
}
