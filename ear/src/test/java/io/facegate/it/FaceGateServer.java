package io.facegate.it;

import io.facegate.launcher.FaceGateLauncher;
import io.facegate.launcher.LaunchSettings;
import io.facegate.launcher.OperationsEndpoints;
import io.facegate.launcher.PayaraDomain;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Starts the real FaceGate once per test run: Payara Server with the EAR this build produced, on
 * the PostgreSQL at 127.0.0.1:5432 (a fresh database, {@code facegate_it} unless {@code -Dfacegate.it.database} names another) and an S3 server on
 * loopback. Every integration test class uses it with {@code @ExtendWith(FaceGateServer.class)}.
 */
public class FaceGateServer implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

    public static final String DATABASE = System.getProperty("facegate.it.database", "facegate_it");
    public static final int HTTP_PORT = Integer.getInteger("facegate.it.http-port", 18080);
    public static final String ADMIN_TOKEN = "fga_it_" + UUID.randomUUID();
    public static final String WEBHOOK_RETRY_SCHEDULE = "0s,1s,2s,2s,2s,2s,2s,2s,2s,3s";

    private static FaceGateLauncher launcher;
    private static Path dataDirectory;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (FaceGateServer.class) {
            if (launcher == null) {
                start();
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(FaceGateServer.class.getName(), this);
            }
        }
    }

    private static void start() throws Exception {
        String adminUrl = System.getProperty("facegate.it.postgres", "jdbc:postgresql://127.0.0.1:5432/postgres");
        try (Connection connection = DriverManager.getConnection(adminUrl, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + DATABASE + " with (force)");
            statement.execute("create database " + DATABASE);
        }
        dataDirectory = Path.of(System.getProperty("facegate.it.data", "target/it-data")).toAbsolutePath();
        LaunchSettings settings = new LaunchSettings(dataDirectory, HTTP_PORT, "2g",
                Optional.of(adminUrl.replace("/postgres", "/" + DATABASE)), "postgres", "", 0,
                Optional.empty(), Optional.empty(), Optional.empty(), HTTP_PORT + 1020,
                Optional.of(ADMIN_TOKEN), OperationsEndpoints.LOOPBACK, HTTP_PORT + 10, serverEnvironment());
        Path ear = Path.of(System.getProperty("facegate.ear", "target/facegate.ear"));
        new PayaraDomain(dataDirectory.resolve("payara"), settings).killIfRunning();
        deleteRecursively(dataDirectory);
        launcher = new FaceGateLauncher(settings, ear);
        launcher.start();
    }

    /**
     * The admin token, plus any {@code FACEGATE_*} settings in {@code -Dfacegate.it.env=KEY=VALUE,...}:
     * the same tests against another configuration, e.g. {@code FACEGATE_INFERENCE_ENGINE=pytorch}.
     */
    private static Map<String, String> serverEnvironment() {
        Map<String, String> environment = new HashMap<>(Map.of("FACEGATE_ADMIN_TOKEN", ADMIN_TOKEN,
                // the camera tests' emulated cameras listen on loopback, which cameras may reach only when allowed
                "FACEGATE_EGRESS_CAMERA_ALLOW", "private,public,loopback",
                // watchdog and reconnection in seconds, not minutes, so that camera tests stay short
                "FACEGATE_CAMERAS_OFFLINE_AFTER_SECONDS", "5",
                "FACEGATE_CAMERAS_READ_TIMEOUT_SECONDS", "3",
                "FACEGATE_CAMERAS_RECONNECT_MAX_SECONDS", "3",
                "FACEGATE_CAMERAS_SCAN_INTERVAL_SECONDS", "1",
                // the tests' webhook receivers listen on loopback, which webhooks may not reach by default
                "FACEGATE_EGRESS_WEBHOOK_ALLOW", "public,loopback",
                // the seed 002 tests' photo server (imageUrl) listens on loopback too
                "FACEGATE_EGRESS_IMAGE_ALLOW", "public,loopback",
                // ten attempts within about 20 s instead of three days, so a receiver can be down "for a while"
                "FACEGATE_WEBHOOKS_RETRY_SCHEDULE", WEBHOOK_RETRY_SCHEDULE));
        // Seed 004's general, verification and reports limits would throttle the suites that call every operation
        // many times (ReportsIT asks for more than ten reports a minute when the server is quick); AttendanceIT tests
        // the default authentication limit.
        environment.putAll(Map.of("FACEGATE_RATE_LIMITS_GENERAL", "1000000", "FACEGATE_RATE_LIMITS_FACE_VERIFICATION", "1000000",
                "FACEGATE_RATE_LIMITS_REPORTS", "1000000"));
        for (String setting : System.getProperty("facegate.it.env", "").split(",")) {
            if (!setting.isBlank()) {
                String[] keyValue = setting.split("=", 2);
                if (keyValue.length != 2 || !keyValue[0].startsWith("FACEGATE_")) {
                    throw new IllegalArgumentException("facegate.it.env takes FACEGATE_KEY=value pairs, got " + setting);
                }
                environment.put(keyValue[0].trim(), keyValue[1].trim());
            }
        }
        return environment;
    }

    public static String baseUrl() {
        return launcher.baseUrl();
    }

    /** Where /metrics and /health answer: the operations listener on 127.0.0.1, as by default. */
    public static String operationsBaseUrl() {
        return launcher.operationsBaseUrl().orElseThrow();
    }

    public static Path dataDirectory() {
        return dataDirectory;
    }

    /** The application server's log, for facts no API shows (what it did while it stopped). */
    public static String serverLog() throws java.io.IOException {
        return Files.readString(launcher.serverLog());
    }

    /**
     * Whether the application announced the job execution cut off as it stopped in order (not only
     * at the next start, which also catches a run the stop left running).
     */
    public static boolean announcedCutOffAtTheStop(long executionId) throws java.io.IOException {
        return serverLog().lines().anyMatch(line -> line.contains("cut off by this stop") && line.contains("executionId=" + executionId + ","));
    }

    /** Stops and starts the application server, as an operator's restart would. */
    public static void restart() throws Exception {
        launcher.restartServer();
    }

    /** Kills the application server and starts it again, as after a crash (nothing shuts down in order). */
    public static void crash() throws Exception {
        launcher.crashAndRestart();
    }

    public static String jdbcUrl() {
        return System.getProperty("facegate.it.postgres", "jdbc:postgresql://127.0.0.1:5432/postgres").replace("/postgres", "/" + DATABASE);
    }

    /** A connection to the server's database, for checks the API cannot make. */
    public static Connection database() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    @Override
    public void close() {
        launcher.close();
    }

    private static void deleteRecursively(Path directory) throws Exception {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
