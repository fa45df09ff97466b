package io.facegate.system;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeoutsTest {

    /** The records a logger published, for a test to read. */
    static final class Recorded extends Handler {
        final List<LogRecord> records = new ArrayList<>();

        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        static Recorded on(Logger log) {
            Recorded handler = new Recorded();
            log.setUseParentHandlers(false);
            log.addHandler(handler);
            return handler;
        }
    }

    @Test
    void aFailureStaysInsideTheTimeoutAndIsLoggedWithTheTimersName() {
        Logger log = Logger.getLogger("TimeoutsTest.failure");
        Recorded recorded = Recorded.on(log);
        IllegalStateException failure = new IllegalStateException("database down");

        boolean succeeded = Timeouts.survive(log, "scheduled reports", () -> {
            throw failure;
        });

        assertFalse(succeeded);
        assertEquals(1, recorded.records.size());
        LogRecord record = recorded.records.get(0);
        assertEquals(Level.SEVERE, record.getLevel());
        assertTrue(record.getMessage().contains("\"scheduled reports\""), record.getMessage());
        assertSame(failure, record.getThrown());
    }

    @Test
    void workThatSucceedsLogsNothing() {
        Logger log = Logger.getLogger("TimeoutsTest.success");
        Recorded recorded = Recorded.on(log);
        int[] runs = {0};

        assertTrue(Timeouts.survive(log, "expire-idle-sessions", () -> runs[0]++));

        assertEquals(1, runs[0]);
        assertTrue(recorded.records.isEmpty());
    }
}
