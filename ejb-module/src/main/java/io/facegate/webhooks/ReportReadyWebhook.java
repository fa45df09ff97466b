package io.facegate.webhooks;

import io.facegate.reports.ReportFiles;
import io.facegate.reports.ReportReady;
import io.facegate.reports.ReportSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * {@code report.ready}, in the transaction that completed a report file (asked for by hand or by
 * a schedule): its ids, range and a presigned download link, which works for
 * {@code FACEGATE_REPORTS_DOWNLOAD_LINK_SECONDS} from then (later, {@code GET /api/v1/reports/{id}/}
 * gives a fresh one).
 */
@ApplicationScoped
public class ReportReadyWebhook implements WebhookEventType {

    @Inject
    WebhookOutbox outbox;

    @Inject
    ReportFiles files;

    @Inject
    ReportSettings settings;

    @Override
    public String name() {
        return "report.ready";
    }

    @Override
    public String description() {
        return "An attendance report file (PDF or Excel, on request or scheduled) is ready, with a time-limited download link";
    }

    void announce(@Observes ReportReady fact) {
        outbox.enqueue(WebhookEvent.of(fact.clientId(), name(), fact.completedAt(), EventData.create()
                .put("id", fact.reportId())
                .put("report_id", fact.number())
                .put("format", fact.format())
                .put("date_from", fact.dateFrom())
                .put("date_to", fact.dateTo())
                .put("schedule_id", fact.scheduleId())
                .put("rows", fact.rows())
                .put("byte_size", fact.byteSize())
                .put("download_url", files.downloadUrl(fact.objectKey()))
                .put("download_expires_at", fact.completedAt().plusSeconds(settings.downloadLinkSeconds()))
                .build()));
    }
}
