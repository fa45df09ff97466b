package io.facegate.batch.reports;

import io.facegate.domain.reports.Report;
import io.facegate.domain.reports.ReportArchive;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Last step of the {@code attendance-report} job: the file goes to object storage and the report
 * completes ({@link ReportArchive}, the EJB module's); the local copy is then deleted.
 */
@Named("reportPublish")
@Dependent
public class ReportPublish extends AbstractBatchlet {

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    @Inject
    JobContext job;

    @Inject
    @BatchProperty
    String reportId;

    @Override
    public String process() throws NamingException, IOException {
        UUID id = UUID.fromString(reportId);
        Path file = ReportJob.of(em.find(Report.class, id)).workFile();
        ReportArchive archive = InitialContext.doLookup(ReportArchive.JNDI_NAME);
        archive.store(id, file);
        long bytes = Files.size(file);
        Files.delete(file);
        job.setExitStatus("STORED " + bytes + " BYTES");
        return "STORED";
    }
}
