package io.facegate.batch.webhooks;

import io.facegate.batch.maintenance.AgePurge;
import io.facegate.domain.webhooks.WebhookDelivery;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Duration;
import java.util.Optional;

/**
 * Batchlet of the {@code purge-webhook-deliveries} job: deletes finished deliveries (and their
 * attempts) created more than the job parameter {@code retentionDays} ago
 * ({@code FACEGATE_WEBHOOKS_RETENTION_DAYS}, passed by the job's starter; 0 or less keeps them).
 * Deliveries still to be sent are kept whatever their age.
 */
@Named("webhookDeliveryPurge")
@Dependent
public class WebhookDeliveryPurge extends AgePurge {

    @Inject
    @BatchProperty
    String retentionDays;

    @Override
    protected Optional<Duration> keptFor() {
        return days(retentionDays);
    }

    @Override
    protected String deleteQuery() {
        return WebhookDelivery.DELETE_FINISHED_BEFORE;
    }
}
