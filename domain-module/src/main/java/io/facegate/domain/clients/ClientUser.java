package io.facegate.domain.clients;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A person known to one client, identified by the client's own id for them
 * ({@code external_user_id}, unique per client; seed 004's {@code employee_id}). Seed 004 adds who
 * they are in the organisation (name, email, role, department), whether they are active, and an
 * optional password to log in with.
 */
@Entity
@Table(name = "client_user")
@NamedQuery(name = ClientUser.BY_EXTERNAL_ID,
        query = "select u from ClientUser u where u.clientId = :clientId and u.externalUserId = :externalUserId")
@NamedQuery(name = ClientUser.BY_EMAIL,
        query = "select u from ClientUser u where u.clientId = :clientId and lower(u.email) = lower(:email)")
public class ClientUser {

    public static final String BY_EXTERNAL_ID = "ClientUser.byExternalId";
    public static final String BY_EMAIL = "ClientUser.byEmail";
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

    private String email;

    @Column(name = "first_name")
    private String firstName;

    @Column(name = "last_name")
    private String lastName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PersonRole role = PersonRole.STUDENT;

    private String department;

    @Column(name = "is_active", nullable = false)
    private boolean active = true;

    @Column(name = "last_login")
    private Instant lastLogin;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "login_generation", nullable = false)
    private int loginGeneration = 1;

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Column(name = "locked_until")
    private Instant lockedUntil;

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

    /** Seed 004's attributes; null leaves one as it is. */
    public void describePerson(String newEmail, String newFirstName, String newLastName, PersonRole newRole, String newDepartment) {
        if (newEmail != null) {
            this.email = newEmail.strip();
        }
        if (newFirstName != null) {
            this.firstName = newFirstName.strip();
        }
        if (newLastName != null) {
            this.lastName = newLastName.strip();
        }
        if (newRole != null) {
            this.role = newRole;
        }
        if (newDepartment != null) {
            this.department = newDepartment.strip().isEmpty() ? null : newDepartment.strip();
        }
        touch();
    }

    /** How the person is called: first and last name, else the display name, else their id. */
    public String fullName() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        if (!name.isEmpty()) {
            return name;
        }
        return displayName != null && !displayName.isBlank() ? displayName : externalUserId;
    }

    /** A new password (already hashed): every token of the old one stops working. */
    public void changePassword(String newPasswordHash) {
        this.passwordHash = newPasswordHash;
        this.failedLogins = 0;
        this.lockedUntil = null;
        endLogins();
    }

    /** Seed 004's DELETE: the person stays (with their face and history) but may no longer log in or be logged present. */
    public void deactivate() {
        if (active) {
            this.active = false;
            endLogins();
        }
    }

    public void activate() {
        if (!active) {
            this.active = true;
            touch();
        }
    }

    /** Whether a login attempt is refused without even checking the password: a recent run of failures. */
    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /**
     * Counts a wrong password. From the {@code threshold}th failure in a row on, each further one
     * locks logins for {@code firstLock}, doubled per failure, at most {@code longestLock}.
     */
    public void recordFailedLogin(Instant now, int threshold, Duration firstLock, Duration longestLock) {
        failedLogins++;
        if (failedLogins >= threshold) {
            int doublings = Math.min(failedLogins - threshold, 20);
            Duration lock = firstLock.multipliedBy(1L << doublings);
            lockedUntil = now.plus(lock.compareTo(longestLock) > 0 ? longestLock : lock);
        }
    }

    public void recordLogin(Instant now) {
        this.failedLogins = 0;
        this.lockedUntil = null;
        this.lastLogin = now;
    }

    private void endLogins() {
        this.loginGeneration++;
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

    public String getEmail() {
        return email;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public PersonRole getRole() {
        return role;
    }

    public String getDepartment() {
        return department;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getLastLogin() {
        return lastLogin;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public int getLoginGeneration() {
        return loginGeneration;
    }

    public int getFailedLogins() {
        return failedLogins;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }
}
