package io.facegate.batch.usage;

import io.facegate.batch.maintenance.AgePurge;
import io.facegate.domain.usage.ApiUsage;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Optional;

/**
 * Batchlet of the {@code purge-api-usage} job: deletes usage rows older than
 * {@code facegate.usage.retention-days} (0 or less keeps them forever).
 */
@Named("apiUsagePurge")
@Dependent
public class ApiUsagePurge extends AgePurge {

    @Inject
    @ConfigProperty(name = "facegate.usage.retention-days", defaultValue = "90")
    int retentionDays;

    @Override
    protected Optional<Duration> keptFor() {
        return days(retentionDays);
    }

    @Override
    protected String deleteQuery() {
        return ApiUsage.DELETE_OLDER_THAN;
    }
}
