package io.facegate.web.reports;

import io.facegate.domain.reports.Report;

import java.time.Instant;
import java.util.UUID;

/**
 * Where a report is: {@code status} (queued, running, completed, failed), {@code progress} (share
 * of its rows written, 0 to 1), {@code status_url} to follow it and, once completed,
 * {@code download_url} (presigned, time-limited) with its size.
 */
public record ReportStatusView(UUID id, String reportId, String type, String format, String status, double progress, int rowsTotal,
                               int rowsWritten, Long jobExecutionId, Instant createdAt, Instant completedAt, String statusUrl,
                               String downloadUrl, Instant downloadExpiresAt, Long byteSize, String error) {

    static ReportStatusView of(Report report, String statusUrl, String downloadUrl, int linkSeconds) {
        return new ReportStatusView(report.getId(), report.getNumber(), "attendance", report.getFormat().apiName(),
                report.getStatus().apiName(), Math.round(report.progress() * 1000) / 1000.0, report.getRowsTotal(), report.getRowsWritten(),
                report.getExecutionId(), report.getCreatedAt(), report.getCompletedAt(), statusUrl, downloadUrl,
                downloadUrl == null ? null : Instant.now().plusSeconds(linkSeconds), report.getByteSize(), report.getErrorMessage());
    }
}
