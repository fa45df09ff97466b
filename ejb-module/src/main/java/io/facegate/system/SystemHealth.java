package io.facegate.system;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Probes what FaceGate depends on; shared by the System API and MicroProfile Health. */
@ApplicationScoped
public class SystemHealth {

    @Resource(lookup = "jdbc/facegate")
    DataSource dataSource;

    @Inject
    ObjectStorage storage;

    @Inject
    SchemaMigration schema;

    /** The state of one dependency and how long the probe took. */
    public record Probe(boolean up, double responseTimeMs, Map<String, Object> details) {
    }

    public Probe database() {
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(2);
            return new Probe(valid, elapsedMs(start), Map.of("schema_version", String.valueOf(schema.schemaVersion())));
        } catch (Exception e) {
            return new Probe(false, elapsedMs(start), Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    public Probe objectStorage() {
        long start = System.nanoTime();
        try {
            storage.ensureBucket();
            return new Probe(true, elapsedMs(start), Map.of("bucket", storage.bucket()));
        } catch (Exception e) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("bucket", storage.bucket());
            details.put("error", String.valueOf(e.getMessage()));
            return new Probe(false, elapsedMs(start), details);
        }
    }

    private static double elapsedMs(long startNanos) {
        return Math.round((System.nanoTime() - startNanos) / 10_000.0) / 100.0;
    }
}
