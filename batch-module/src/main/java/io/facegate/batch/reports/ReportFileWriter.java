package io.facegate.batch.reports;

import io.facegate.domain.reports.Report;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * Writer of the {@code attendance-report} job: lays the rows out in the report's file (PDF or
 * Excel) on local disk, and counts them on the report in each chunk's transaction, which is the
 * progress its status shows.
 */
@Named("reportFileWriter")
@Dependent
public class ReportFileWriter extends AbstractItemWriter {

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    @Inject
    @BatchProperty
    String reportId;

    private ReportLayout layout;

    @Override
    public void open(Serializable checkpoint) throws IOException {
        ReportJob job = ReportJob.of(em.find(Report.class, UUID.fromString(reportId)));
        Path file = job.workFile();
        Files.createDirectories(file.getParent());
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file));
        layout = ReportLayout.of(job);
        layout.begin(job, out);
    }

    @Override
    public void writeItems(List<Object> items) throws IOException {
        for (Object item : items) {
            layout.person((PersonAttendance) item);
        }
        em.find(Report.class, UUID.fromString(reportId)).wrote(items.size());
    }

    @Override
    public void close() throws IOException {
        if (layout != null) {
            layout.finish();
        }
    }
}
