package io.facegate.reports;

import io.facegate.domain.reports.Report;
import io.facegate.domain.reports.ReportArchive;
import io.facegate.system.ObjectStorage;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/**
 * Report files in object storage: the batch job's finished file stored under the report's key
 * (the report then completed), and presigned links to download it.
 */
@Stateless
@LocalBean
@Local(ReportArchive.class)
public class ReportFiles implements ReportArchive {

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    @Inject
    ObjectStorage storage;

    @Inject
    ReportSettings settings;

    @Inject
    Event<ReportReady> ready;

    @Override
    public void store(UUID reportId, Path file) {
        Report report = em.find(Report.class, reportId, LockModeType.PESSIMISTIC_WRITE);
        try (InputStream in = Files.newInputStream(file)) {
            long size = Files.size(file);
            storage.put(report.fileKey(), in, size, report.getFormat().contentType());
            report.stored(report.fileKey(), size, Instant.now());
            ready.fire(ReportReady.of(report));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A time-limited link to a completed report's file. */
    public String downloadUrl(Report report) {
        return downloadUrl(report.getObjectKey());
    }

    public String downloadUrl(String objectKey) {
        return storage.presignedUrl(objectKey, settings.downloadLinkSeconds());
    }

    /** A completed report's file, read whole: for files small enough to be ready within the request's wait. */
    public byte[] content(Report report) {
        return storage.get(report.getObjectKey());
    }
}
