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
    @Column(name = "job_instance_id")
    private long jobInstanceId;

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
        private long jobInstanceId;
        private UUID profileId;

        public Key() {
            // for JPA
        }

        public Key(long jobInstanceId, UUID profileId) {
            this.jobInstanceId = jobInstanceId;
            this.profileId = profileId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.jobInstanceId == jobInstanceId && Objects.equals(key.profileId, profileId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(jobInstanceId, profileId);
        }
    }

    protected ProfileSyncItem() {
        // for JPA
    }

    public static ProfileSyncItem succeeded(long jobInstanceId, UUID profileId, Instant at) {
        return new ProfileSyncItem(jobInstanceId, profileId, true, null, null, at);
    }

    public static ProfileSyncItem failed(long jobInstanceId, UUID profileId, String code, String message, Instant at) {
        return new ProfileSyncItem(jobInstanceId, profileId, false, code,
                message != null && message.length() > MAX_MESSAGE_LENGTH ? message.substring(0, MAX_MESSAGE_LENGTH) : message, at);
    }

    private ProfileSyncItem(long jobInstanceId, UUID profileId, boolean succeeded, String errorCode, String errorMessage, Instant at) {
        this.jobInstanceId = jobInstanceId;
        this.profileId = profileId;
        this.succeeded = succeeded;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        this.processedAt = at;
    }

    public long getJobInstanceId() {
        return jobInstanceId;
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
