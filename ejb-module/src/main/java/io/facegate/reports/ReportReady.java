package io.facegate.reports;

import io.facegate.domain.reports.Report;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A report file was stored (fired in the transaction that completed the report): what the
 * {@code report.ready} webhook tells.
 *
 * @param scheduleId the schedule that asked for it, or null
 */
public record ReportReady(UUID clientId, UUID reportId, String number, String format, LocalDate dateFrom, LocalDate dateTo,
                          UUID scheduleId, int rows, long byteSize, String objectKey, Instant completedAt) {

    static final String SCHEDULE = "schedule:";

    static ReportReady of(Report report) {
        JsonObject parameters;
        try (JsonReader reader = Json.createReader(new StringReader(report.getParameters()))) {
            parameters = reader.readObject();
        }
        String requester = report.getRequestedBy();
        return new ReportReady(report.getClientId(), report.getId(), report.getNumber(), report.getFormat().apiName(),
                LocalDate.parse(parameters.getString("date_from")), LocalDate.parse(parameters.getString("date_to")),
                requester.startsWith(SCHEDULE) ? UUID.fromString(requester.substring(SCHEDULE.length())) : null, report.getRowsTotal(),
                report.getByteSize(), report.getObjectKey(), report.getCompletedAt());
    }
}
