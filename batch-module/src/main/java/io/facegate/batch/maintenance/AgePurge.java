package io.facegate.batch.maintenance;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A housekeeping batchlet that deletes rows older than a period, with a bulk delete named query
 * taking {@code :cutoff}. Its exit status, {@code DELETED <count>} (or {@code RETENTION DISABLED}),
 * is the step's and the job's, so the job repository and {@code GET /api/core/jobs/executions/{id}}
 * show what was purged.
 */
public abstract class AgePurge extends AbstractBatchlet {

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    @Inject
    JobContext job;

    /** How long rows are kept; empty keeps them forever. */
    protected abstract Optional<Duration> keptFor();

    /** The named bulk delete, with a {@code :cutoff} instant parameter. */
    protected abstract String deleteQuery();

    @Override
    @Transactional
    public String process() {
        Optional<Duration> kept = keptFor();
        if (kept.isEmpty()) {
            return exit("RETENTION DISABLED");
        }
        Instant cutoff = Instant.now().minus(kept.get());
        return exit("DELETED " + em.createNamedQuery(deleteQuery()).setParameter("cutoff", cutoff).executeUpdate());
    }

    private String exit(String status) {
        job.setExitStatus(status);
        return status;
    }

    /** A retention in days, as a job parameter: 0 or less keeps rows forever. */
    protected static Optional<Duration> days(String retentionDays) {
        int days = Integer.parseInt(retentionDays.strip());
        return days <= 0 ? Optional.empty() : Optional.of(Duration.ofDays(days));
    }
}
