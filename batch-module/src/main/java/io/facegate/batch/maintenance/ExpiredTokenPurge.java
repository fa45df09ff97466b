package io.facegate.batch.maintenance;

import io.facegate.domain.authentication.RefreshToken;
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
 * Batchlet of the {@code purge-expired-tokens} job ({@code @Dependent}: the lib jar is discovered in "annotated" mode).
 * Its exit status, {@code DELETED <count>}, is the step's and the job's, so the job repository records what was purged.
 */
@Named("expiredTokenPurge")
@Dependent
public class ExpiredTokenPurge extends AbstractBatchlet {

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    @Inject
    JobContext job;

    @Inject
    @BatchProperty
    String graceHours;

    @Override
    @Transactional
    public String process() {
        Instant cutoff = Instant.now().minus(Duration.ofHours(Long.parseLong(graceHours)));
        int deleted = em.createNamedQuery(RefreshToken.DELETE_EXPIRED).setParameter("cutoff", cutoff).executeUpdate();
        String exitStatus = "DELETED " + deleted;
        job.setExitStatus(exitStatus);
        return exitStatus;
    }
}
