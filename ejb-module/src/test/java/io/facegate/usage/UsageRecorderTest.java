package io.facegate.usage;

import io.facegate.domain.usage.ApiUsage;
import io.facegate.domain.usage.EndpointCategory;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UsageRecorderTest {

    /** Refuses any batch that holds a row of the refused client, as the database refuses a row it cannot store. */
    private static final class RefusingWriter extends UsageWriter {
        final UUID refusedClient;
        final List<ApiUsage> stored = new ArrayList<>();

        RefusingWriter(UUID refusedClient) {
            this.refusedClient = refusedClient;
        }

        @Override
        public void write(List<ApiUsage> rows) {
            if (rows.stream().anyMatch(row -> row.getClientId().equals(refusedClient))) {
                throw new IllegalStateException("could not write " + rows.size() + " usage rows: refused");
            }
            stored.addAll(rows);
        }
    }

    @Test
    void aRowTheDatabaseRefusesCostsOnlyItselfNeverTheRestOfItsBatch() {
        UUID bad = UUID.randomUUID();
        UUID good = UUID.randomUUID();
        RefusingWriter writer = new RefusingWriter(bad);
        UsageRecorder recorder = recorder(writer);
        for (int i = 0; i < 5; i++) {
            recorder.record(call(good));
            if (i == 2) {
                recorder.record(call(bad));
            }
        }
        recorder.flush();
        assertEquals(5, writer.stored.size(), "every row of the other client is written");
        UsageTrackingStatus status = recorder.status();
        assertEquals(5, status.written());
        assertEquals(1, status.failed());
    }

    private static UsageRecorder recorder(UsageWriter writer) {
        UsageSettings settings = new UsageSettings();
        settings.queueCapacity = 100;
        settings.batchSize = 50;
        settings.flushIntervalMs = 500;
        settings.trustedProxies = Optional.empty();
        UsageRecorder recorder = new UsageRecorder();
        recorder.writer = writer;
        recorder.settings = settings;
        recorder.createQueue();
        return recorder;
    }

    private static ApiCall call(UUID client) {
        return new ApiCall(client, EndpointCategory.CLIENTS, new CallOrigin(Transport.REST, "GET", "/api/clients/users/", Map.of(),
                "127.0.0.1", "test", "ClientUserResource#list"), 200, 1.0, Instant.now());
    }
}
