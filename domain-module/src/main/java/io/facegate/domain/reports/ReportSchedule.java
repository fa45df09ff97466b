package io.facegate.domain.reports;

import io.facegate.domain.shared.OptionalUuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A client's standing order for an attendance report file, made after each period ({@link
 * ScheduleFrequency}) and announced as the {@code report.ready} webhook. It knows when it is due;
 * running it moves that to the next period.
 */
@Entity
@Table(name = "report_schedule")
public class ReportSchedule {

    @Id
    private UUID id;

    @Column(name = "client_id", nullable = false, updatable = false)
    private UUID clientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ScheduleFrequency frequency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ReportFormat format;

    @Column(updatable = false)
    private String department;

    @Column(name = "employee_ids", nullable = false, updatable = false)
    private String employeeIds;

    @Column(name = "is_active", nullable = false)
    private boolean active;

    @Column(name = "next_run_at", nullable = false)
    private Instant nextRunAt;

    @Column(name = "last_run_at")
    private Instant lastRunAt;

    @Column(name = "last_report_id")
    @Convert(converter = OptionalUuidConverter.class)
    private UUID lastReportId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected ReportSchedule() {
        // for JPA
    }

    public ReportSchedule(UUID clientId, ScheduleFrequency frequency, ReportFormat format, String department, List<String> employeeIds,
                          ZoneId zone, Instant now) {
        if (!format.isFile()) {
            throw new IllegalArgumentException("a schedule makes files: pdf or excel");
        }
        this.id = UUID.randomUUID();
        this.clientId = Objects.requireNonNull(clientId);
        this.frequency = Objects.requireNonNull(frequency);
        this.format = format;
        this.department = department;
        this.employeeIds = String.join(",", employeeIds);
        this.active = true;
        this.nextRunAt = frequency.nextRun(now, zone);
        this.createdAt = now;
    }

    /** The first day of the period the due run covers, a day of the client's time zone. */
    public LocalDate coveredFrom(ZoneId zone) {
        return frequency.coveredFrom(runDay(zone));
    }

    /** The last day of the period the due run covers: the day before the run's. */
    public LocalDate coveredTo(ZoneId zone) {
        return runDay(zone).minusDays(1);
    }

    private LocalDate runDay(ZoneId zone) {
        return nextRunAt.atZone(zone).toLocalDate();
    }

    /**
     * Records the due run's report and moves the next run to the start of the next period after
     * now (a run missed while the server was down is made once, late, for the period it was due for).
     */
    public void ran(UUID reportId, ZoneId zone, Instant now) {
        this.lastRunAt = now;
        this.lastReportId = reportId;
        this.nextRunAt = frequency.nextRun(now, zone);
    }

    public boolean belongsTo(UUID client) {
        return clientId.equals(client);
    }

    public List<String> employeeIds() {
        return Arrays.stream(employeeIds.split(",")).filter(s -> !s.isBlank()).toList();
    }

    public UUID getId() {
        return id;
    }

    public UUID getClientId() {
        return clientId;
    }

    public ScheduleFrequency getFrequency() {
        return frequency;
    }

    public ReportFormat getFormat() {
        return format;
    }

    public String getDepartment() {
        return department;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getNextRunAt() {
        return nextRunAt;
    }

    public Instant getLastRunAt() {
        return lastRunAt;
    }

    public UUID getLastReportId() {
        return lastReportId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
