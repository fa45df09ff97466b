package io.facegate.batch.reports;

import io.facegate.domain.reports.Report;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.UUID;

/** First step of the {@code attendance-report} job: the report is running in this execution (again, after a restart). */
@Named("reportStart")
@Dependent
public class ReportStart extends AbstractBatchlet {

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    @Inject
    JobContext job;

    @Inject
    @BatchProperty
    String reportId;

    @Override
    @Transactional
    public String process() {
        em.find(Report.class, UUID.fromString(reportId), LockModeType.PESSIMISTIC_WRITE).started(job.getExecutionId());
        return "STARTED";
    }
}
