package io.facegate.domain.reports;

import java.nio.file.Path;
import java.util.UUID;

/**
 * Where the {@code attendance-report} batch job hands a finished file: into object storage, the
 * report then completed. Implemented by the EJB module; the batch artifacts (in the EAR's library,
 * which cannot see the EJB module's beans) look it up under {@link #JNDI_NAME}.
 */
public interface ReportArchive {

    String JNDI_NAME = "java:global/facegate/facegate-ejb/ReportFiles!io.facegate.domain.reports.ReportArchive";

    /** Stores the file as the report's object and completes the report. */
    void store(UUID reportId, Path file);
}
