package io.facegate.domain.reports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One report a client asked for. A JSON report is complete when it is created; a file report
 * (PDF, Excel) is queued with the figures computed at request time, run by the
 * {@code attendance-report} batch job (which counts the rows it wrote) and ends stored in object
 * storage or failed.
 */
@Entity
@Table(name = "report")
public class Report {

    @Id
    private UUID id;

    @Column(name = "client_id", nullable = false, updatable = false)
    private UUID clientId;

    @Column(nullable = false, updatable = false)
    private String number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ReportFormat format;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReportStatus status;

    /** JSON object: the request's range and filters. */
    @Column(nullable = false, updatable = false)
    private String parameters;

    /** JSON object: the figures computed when the report was requested. */
    private String summary;

    /** {@code person:<id>} or {@code client:<id>}. */
    @Column(name = "requested_by", nullable = false, updatable = false)
    private String requestedBy;

    @Column(name = "execution_id")
    private Long executionId;

    @Column(name = "rows_total", nullable = false)
    private int rowsTotal;

    @Column(name = "rows_written", nullable = false)
    private int rowsWritten;

    @Column(name = "object_key")
    private String objectKey;

    @Column(name = "byte_size")
    private Long byteSize;

    @Column(name = "error_message")
    private String errorMessage;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    protected Report() {
        // for JPA
    }

    /**
     * @param rowsTotal the rows the file will hold (people in scope), for its progress; 0 for JSON
     */
    public Report(UUID clientId, String number, ReportFormat format, String requestedBy, String parameters, String summary, int rowsTotal,
                  Instant now) {
        this.id = UUID.randomUUID();
        this.requestedBy = Objects.requireNonNull(requestedBy);
        this.clientId = Objects.requireNonNull(clientId);
        this.number = Objects.requireNonNull(number);
        this.format = Objects.requireNonNull(format);
        this.parameters = Objects.requireNonNull(parameters);
        this.summary = summary;
        this.rowsTotal = Math.max(0, rowsTotal);
        this.createdAt = now;
        if (format.isFile()) {
            this.status = ReportStatus.QUEUED;
        } else {
            this.status = ReportStatus.COMPLETED;
            this.completedAt = now;
        }
    }

    /** The batch job took it (again, when a killed execution is restarted: the file is written anew). */
    public void started(long execution) {
        requireFile();
        if (status.isEnded()) {
            throw new IllegalStateException("report " + number + " already ended " + status);
        }
        this.executionId = execution;
        this.status = ReportStatus.RUNNING;
        this.rowsWritten = 0;
    }

    /**
     * Its job's execution was cut off by a server stop: queued again, with that execution kept so
     * that it is the one restarted (its {@link #started} then records the new execution).
     */
    public void interrupted() {
        requireFile();
        if (status != ReportStatus.RUNNING) {
            throw new IllegalStateException("report " + number + " is " + status + ", not running");
        }
        this.status = ReportStatus.QUEUED;
        this.rowsWritten = 0;
    }

    /** The job wrote {@code rows} more rows. */
    public void wrote(int rows) {
        this.rowsWritten = Math.min(rowsTotal, rowsWritten + rows);
    }

    public void stored(String key, long bytes, Instant now) {
        requireFile();
        this.objectKey = key;
        this.byteSize = bytes;
        this.status = ReportStatus.COMPLETED;
        this.rowsWritten = rowsTotal;
        this.completedAt = now;
    }

    public void failed(String message, Instant now) {
        if (status == ReportStatus.COMPLETED) {
            return;
        }
        this.status = ReportStatus.FAILED;
        this.errorMessage = message == null || message.length() <= 500 ? message : message.substring(0, 500);
        this.completedAt = now;
    }

    /** Share of the rows written, 0 to 1. */
    public double progress() {
        if (status == ReportStatus.COMPLETED) {
            return 1;
        }
        return rowsTotal == 0 ? 0 : (double) rowsWritten / rowsTotal;
    }

    public boolean belongsTo(UUID client) {
        return clientId.equals(client);
    }

    private void requireFile() {
        if (!format.isFile()) {
            throw new IllegalStateException("a JSON report has no file");
        }
    }

    /** The object storage key of a file report: under the client, named by its number. */
    public String fileKey() {
        return "reports/" + clientId + "/" + number + "." + format.extension();
    }

    public UUID getId() {
        return id;
    }

    public UUID getClientId() {
        return clientId;
    }

    public String getNumber() {
        return number;
    }

    public ReportFormat getFormat() {
        return format;
    }

    public ReportStatus getStatus() {
        return status;
    }

    public String getParameters() {
        return parameters;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public String getSummary() {
        return summary;
    }

    public Long getExecutionId() {
        return executionId;
    }

    public int getRowsTotal() {
        return rowsTotal;
    }

    public int getRowsWritten() {
        return rowsWritten;
    }

    public String getObjectKey() {
        return objectKey;
    }

    public Long getByteSize() {
        return byteSize;
    }

    public String getErrorMessage() {
        return errorMessage;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }
}
