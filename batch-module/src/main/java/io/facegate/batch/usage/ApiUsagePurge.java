package io.facegate.batch.usage;

import io.facegate.batch.maintenance.AgePurge;
import io.facegate.domain.usage.ApiUsage;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Duration;
import java.util.Optional;

/**
 * Batchlet of the {@code purge-api-usage} job: deletes usage rows older than the job parameter
 * {@code retentionDays} ({@code FACEGATE_USAGE_RETENTION_DAYS}, passed by the job's starter; 0 or
 * less keeps them forever).
 */
@Named("apiUsagePurge")
@Dependent
public class ApiUsagePurge extends AgePurge {

    @Inject
    @BatchProperty
    String retentionDays;

    @Override
    protected Optional<Duration> keptFor() {
        return days(retentionDays);
    }

    @Override
    protected String deleteQuery() {
        return ApiUsage.DELETE_OLDER_THAN;
    }
}
