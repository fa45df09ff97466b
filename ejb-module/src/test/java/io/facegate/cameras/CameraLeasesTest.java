package io.facegate.cameras;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two servers sharing one PostgreSQL (127.0.0.1:5432, the schema migrated by Flyway as on a
 * server): each camera is held by exactly one, and a holder that stops renewing is replaced once
 * its lease has run out, never earlier.
 */
class CameraLeasesTest {

    private static final String DATABASE = "facegate_cameras_lease_test";
    private static final String ADMIN_URL = System.getProperty("facegate.test.postgres", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static PGSimpleDataSource database;
    private static final UUID FIRST = UUID.randomUUID();
    private static final UUID SECOND = UUID.randomUUID();

    @BeforeAll
    static void database() throws SQLException {
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, "postgres", ""); Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + DATABASE + " with (force)");
            sql.execute("create database " + DATABASE);
        }
        database = new PGSimpleDataSource();
        database.setUrl(ADMIN_URL.replace("/postgres", "/" + DATABASE));
        database.setUser("postgres");
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
        UUID client = UUID.randomUUID();
        try (Connection connection = database.getConnection()) {
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement insert = connection.prepareStatement("insert into client (id, name, api_key, api_secret_hash,"
                    + " api_secret_sealed, status, created_at, updated_at) values (?, 'Lease Co', ?, 'x', 'x', 'ACTIVE', ?, ?)")) {
                insert.setObject(1, client);
                insert.setString(2, "fg_" + client);
                insert.setTimestamp(3, now);
                insert.setTimestamp(4, now);
                insert.executeUpdate();
            }
            for (UUID camera : List.of(FIRST, SECOND)) {
                try (PreparedStatement insert = connection.prepareStatement("insert into camera (id, client_id, code, name, source_kind,"
                        + " stream_url, is_active, detect_fps, min_face_size, cooldown_seconds, created_at, updated_at)"
                        + " values (?, ?, ?, 'Door', 'MJPEG', 'http://10.0.0.1:81/stream', true, 5, 60, 60, ?, ?)");
                     PreparedStatement state = connection.prepareStatement("insert into camera_state (camera_id, status, status_since,"
                             + " updated_at) values (?, 'OFFLINE', ?, ?)")) {
                    insert.setObject(1, camera);
                    insert.setObject(2, client);
                    insert.setString(3, "CAM-" + camera);
                    insert.setTimestamp(4, now);
                    insert.setTimestamp(5, now);
                    insert.executeUpdate();
                    state.setObject(1, camera);
                    state.setTimestamp(2, now);
                    state.setTimestamp(3, now);
                    state.executeUpdate();
                }
            }
        }
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, "postgres", ""); Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + DATABASE + " with (force)");
        }
    }

    @Test
    void aCameraIsHeldByOneServerAndTakenOverOnlyAfterTheLeaseRanOut() throws Exception {
        Duration lease = Duration.ofMillis(1500);
        CameraLeases a = new CameraLeases(database, "server-a", lease, System::nanoTime);
        CameraLeases b = new CameraLeases(database, "server-b", lease, System::nanoTime);
        Set<UUID> both = Set.of(FIRST, SECOND);

        assertEquals(both, a.claim(both).held());
        assertEquals(Set.of(), b.claim(both).held(), "held by a");

        // a keeps renewing for a while: b never gets in
        CameraLeases.Claim last = null;
        for (int i = 0; i < 4; i++) {
            Thread.sleep(500);
            last = a.claim(both);
            assertEquals(both, last.held());
            assertEquals(Set.of(), b.claim(both).held(), "renewed in time");
        }

        // a stops renewing (its server hung or died); b asks every 100 ms
        long aStopsPollingAt = last.validUntil();
        Set<UUID> taken = Set.of();
        long takenAt = 0;
        while (taken.isEmpty()) {
            Thread.sleep(100);
            taken = b.claim(both).held();
            takenAt = System.nanoTime();
            assertTrue(taken.isEmpty() || takenAt >= aStopsPollingAt,
                    "b took over while a could still be polling");
        }
        assertEquals(both, taken);
        assertTrue(takenAt - aStopsPollingAt < Duration.ofMillis(600).toNanos(), "taken over within about a lease");
        assertEquals(Set.of(), a.claim(both).held(), "a, back, finds its cameras taken");
    }

    @Test
    void aReleasedCameraIsFreeAtOnce() throws Exception {
        CameraLeases a = new CameraLeases(database, "server-c", Duration.ofMinutes(1), System::nanoTime);
        CameraLeases b = new CameraLeases(database, "server-d", Duration.ofMinutes(1), System::nanoTime);
        Set<UUID> second = Set.of(SECOND);
        // the other test may still hold it: wait for its short lease to run out
        long deadline = System.currentTimeMillis() + 5000;
        while (a.claim(second).held().isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(second, a.claim(second).held());
        assertEquals(Set.of(), b.claim(second).held());
        b.release(second);
        assertEquals(Set.of(), b.claim(second).held(), "only the holder can release");
        a.release(second);
        assertEquals(second, b.claim(second).held());
    }
}
