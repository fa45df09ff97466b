package io.facegate.batch.usage;

import io.facegate.domain.usage.ApiUsage;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;

/**
 * Batchlet of the {@code purge-api-usage} job: deletes usage rows older than
 * {@code facegate.usage.retention-days} (0 or less keeps them forever).
 */
@Named("apiUsagePurge")
@Dependent
public class ApiUsagePurge extends AbstractBatchlet {

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    @Inject
    JobContext job;

    @Inject
    @ConfigProperty(name = "facegate.usage.retention-days", defaultValue = "90")
    int retentionDays;

    @Override
    @Transactional
    public String process() {
        if (retentionDays <= 0) {
            return exit("RETENTION DISABLED");
        }
        Instant cutoff = Instant.now().minus(Duration.ofDays(retentionDays));
        int deleted = em.createNamedQuery(ApiUsage.DELETE_OLDER_THAN).setParameter("cutoff", cutoff).executeUpdate();
        return exit("DELETED " + deleted);
    }

    /** The step's and the job's exit status, so the operator sees it in GET /api/core/jobs/executions/{id}. */
    private String exit(String status) {
        job.setExitStatus(status);
        return status;
    }
}
