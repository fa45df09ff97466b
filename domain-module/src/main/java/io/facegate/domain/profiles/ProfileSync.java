package io.facegate.domain.profiles;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One profile sync: a run of the Jakarta Batch job over a scope of profiles, and its resumptions
 * (new runs of the job, with the same parameters, after a crash or a failure).
 */
@Entity
@Table(name = "profile_sync")
public class ProfileSync {

    @Id
    private UUID id;

    @Column(name = "execution_id", nullable = false)
    private long executionId;

    @Column(nullable = false)
    private int resumptions;

    @Column(name = "client_id", nullable = false, updatable = false)
    private UUID clientId;

    @Column(nullable = false, updatable = false)
    private int total;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "interrupted_at")
    private Instant interruptedAt;

    protected ProfileSync() {
        // for JPA
    }

    public ProfileSync(UUID id, long executionId, UUID clientId, int total, Instant startedAt) {
        if (total < 0) {
            throw new IllegalArgumentException("a sync covers no fewer than 0 profiles");
        }
        this.id = id;
        this.executionId = executionId;
        this.clientId = clientId;
        this.total = total;
        this.startedAt = startedAt;
    }

    /** A new run of the job goes on with the profiles not done yet. */
    public void resumed(long newExecutionId) {
        this.executionId = newExecutionId;
        this.resumptions++;
        this.interruptedAt = null;
    }

    /**
     * The last stop of the server cut off this sync's run: it goes on by itself, unless it has been
     * resumed {@code resumptionLimit} times already (a sync that brings the server down would
     * otherwise be run at every start for ever); then it stays failed until its client resumes it.
     *
     * @return whether the sync now awaits its resumption
     */
    public boolean cutOffByAStop(Instant at, int resumptionLimit) {
        if (resumptions >= resumptionLimit) {
            return false;
        }
        this.interruptedAt = at;
        return true;
    }

    /** Cut off by a stop and not resumed yet: still going, not failed. */
    public boolean awaitsResumption() {
        return interruptedAt != null;
    }

    public boolean belongsTo(UUID client) {
        return clientId.equals(client);
    }

    public UUID getId() {
        return id;
    }

    public long getExecutionId() {
        return executionId;
    }

    public int getResumptions() {
        return resumptions;
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
