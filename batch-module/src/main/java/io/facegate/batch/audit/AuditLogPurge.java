package io.facegate.batch.audit;

import io.facegate.batch.maintenance.AgePurge;
import io.facegate.domain.audit.AuditEntry;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Duration;
import java.util.Optional;

/**
 * Batchlet of the {@code purge-audit-logs} job: the only way audit entries leave (besides their
 * client's deletion). Deletes entries older than the job parameter {@code retentionDays}
 * ({@code FACEGATE_AUDIT_RETENTION_DAYS}, passed by the job's starter; 0 or less keeps them forever).
 */
@Named("auditLogPurge")
@Dependent
public class AuditLogPurge extends AgePurge {

    @Inject
    @BatchProperty
    String retentionDays;

    @Override
    protected Optional<Duration> keptFor() {
        return days(retentionDays);
    }

    @Override
    protected String deleteQuery() {
        return AuditEntry.DELETE_OLDER_THAN;
    }
}
