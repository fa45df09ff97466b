package io.facegate.reports;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

class ReportTimerTest {

    @Test
    void theTimeoutSurvivesItsSchedulesFailing() {
        ReportTimer timer = new ReportTimer();
        timer.schedules = new ReportSchedules() {
            @Override
            public List<UUID> due(Instant now, int limit) {
                throw new IllegalStateException("the database is down");
            }
        };
        assertDoesNotThrow(timer::runDue, "a failed tick is logged; the timer runs again next minute");
    }
}
