package io.facegate.batch.maintenance;

import io.facegate.domain.authentication.RefreshToken;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;

/** Batchlet of the {@code purge-expired-tokens} job ({@code @Dependent}: the lib jar is discovered in "annotated" mode). */
@Named("expiredTokenPurge")
@Dependent
public class ExpiredTokenPurge extends AbstractBatchlet {

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    @Inject
    StepContext step;

    @Inject
    @BatchProperty
    String graceHours;

    @Override
    @Transactional
    public String process() {
        Instant cutoff = Instant.now().minus(Duration.ofHours(Long.parseLong(graceHours)));
        int deleted = em.createNamedQuery(RefreshToken.DELETE_EXPIRED).setParameter("cutoff", cutoff).executeUpdate();
        step.setExitStatus("DELETED " + deleted);
        return "COMPLETED";
    }
}
