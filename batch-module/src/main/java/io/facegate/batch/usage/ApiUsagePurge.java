package io.facegate.batch.usage;

import io.facegate.domain.usage.ApiUsage;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;

/**
 * Batchlet of the {@code purge-api-usage} job: deletes usage rows older than the job parameter
 * {@code retentionDays} ({@code FACEGATE_USAGE_RETENTION_DAYS}, passed by the job's starter; 0 or
 * less keeps them forever).
 */
@Named("apiUsagePurge")
@Dependent
public class ApiUsagePurge extends AbstractBatchlet {

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    @Inject
    JobContext job;

    @Inject
    @BatchProperty
    String retentionDays;

    @Override
    @Transactional
    public String process() {
        int days = Integer.parseInt(retentionDays.strip());
        if (days <= 0) {
            return exit("RETENTION DISABLED");
        }
        Instant cutoff = Instant.now().minus(Duration.ofDays(days));
        int deleted = em.createNamedQuery(ApiUsage.DELETE_OLDER_THAN).setParameter("cutoff", cutoff).executeUpdate();
        return exit("DELETED " + deleted);
    }

    /** The step's and the job's exit status, so the operator sees it in GET /api/core/jobs/executions/{id}. */
    private String exit(String status) {
        job.setExitStatus(status);
        return status;
    }
}
