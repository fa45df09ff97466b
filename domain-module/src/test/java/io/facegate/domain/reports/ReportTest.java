package io.facegate.domain.reports;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReportTest {

    private static final Instant NOW = Instant.parse("2026-11-30T03:00:00Z");

    private static Report excel() {
        return new Report(UUID.randomUUID(), "RPT_20261130_001", ReportFormat.EXCEL, "client:x", "{}", "{}", 10, NOW);
    }

    @Test
    void anInterruptedReportIsQueuedAgainWithTheExecutionToRestartAndStartsAfresh() {
        Report report = excel();
        report.started(41);
        report.wrote(6);

        report.interrupted();

        assertEquals(ReportStatus.QUEUED, report.getStatus());
        assertEquals(41L, report.getExecutionId(), "the execution to restart");
        assertEquals(0, report.getRowsWritten(), "the file is written anew");
        report.started(42);
        assertEquals(ReportStatus.RUNNING, report.getStatus());
        assertEquals(42L, report.getExecutionId());
    }

    @Test
    void onlyARunningReportIsInterrupted() {
        Report queued = excel();
        assertThrows(IllegalStateException.class, queued::interrupted);
        Report stored = excel();
        stored.started(1);
        stored.stored("reports/x.xlsx", 100, NOW);
        assertThrows(IllegalStateException.class, stored::interrupted);
        assertEquals(ReportStatus.COMPLETED, stored.getStatus());
    }
}
