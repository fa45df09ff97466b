package io.facegate.domain.profiles;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One profile sync, by its Jakarta Batch job instance (stable across restarts of the job). */
@Entity
@Table(name = "profile_sync")
public class ProfileSync {

    @Id
    @Column(name = "job_instance_id")
    private long jobInstanceId;

    /** The execution the sync started with; the job operator finds the instance's later executions (restarts) from it. */
    @Column(name = "first_execution_id", nullable = false, updatable = false)
    private long firstExecutionId;

    @Column(name = "client_id", nullable = false, updatable = false)
    private UUID clientId;

    @Column(nullable = false, updatable = false)
    private int total;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    protected ProfileSync() {
        // for JPA
    }

    public ProfileSync(long jobInstanceId, long firstExecutionId, UUID clientId, int total, Instant startedAt) {
        if (total < 0) {
            throw new IllegalArgumentException("a sync covers no fewer than 0 profiles");
        }
        this.jobInstanceId = jobInstanceId;
        this.firstExecutionId = firstExecutionId;
        this.clientId = clientId;
        this.total = total;
        this.startedAt = startedAt;
    }

    public boolean belongsTo(UUID client) {
        return clientId.equals(client);
    }

    public long getJobInstanceId() {
        return jobInstanceId;
    }

    public long getFirstExecutionId() {
        return firstExecutionId;
    }

    public UUID getClientId() {
        return clientId;
    }

    public int getTotal() {
        return total;
    }

    public Instant getStartedAt() {
        return startedAt;
    }
}
