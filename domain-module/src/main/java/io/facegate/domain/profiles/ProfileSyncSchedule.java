package io.facegate.domain.profiles;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** When a client's profiles are synced on their own: a cron-like expression (minute hour day-of-month month day-of-week). */
@Entity
@Table(name = "profile_sync_schedule")
public class ProfileSyncSchedule {

    public static final int MAX_CRON_LENGTH = 120;

    @Id
    @Column(name = "client_id")
    private UUID clientId;

    @Column(nullable = false)
    private String cron;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ProfileSyncSchedule() {
        // for JPA
    }

    public ProfileSyncSchedule(UUID clientId, String cron, Instant now) {
        this.clientId = clientId;
        reschedule(cron, now);
    }

    public void reschedule(String newCron, Instant now) {
        if (newCron == null || newCron.isBlank() || newCron.length() > MAX_CRON_LENGTH) {
            throw new IllegalArgumentException("a schedule has a cron expression of at most " + MAX_CRON_LENGTH + " characters");
        }
        this.cron = newCron.strip();
        this.updatedAt = now;
    }

    public UUID getClientId() {
        return clientId;
    }

    public String getCron() {
        return cron;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
