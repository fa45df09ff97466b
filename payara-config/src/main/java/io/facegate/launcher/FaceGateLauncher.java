package io.facegate.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Starts FaceGate: embedded PostgreSQL and S3 unless external ones are configured, then Payara
 * Server with the EAR deployed. {@code run} stays in the foreground until Ctrl-C or {@code stop}.
 */
public final class FaceGateLauncher implements AutoCloseable {

    private final LaunchSettings settings;
    private final Path ear;
    private final PayaraDomain domain;
    private EmbeddedDatabase embeddedDatabase;
    private EmbeddedObjectStore embeddedObjectStore;
    private Map<String, String> serverEnvironment;
    private String generatedAdminToken;

    public FaceGateLauncher(LaunchSettings settings, Path ear) {
        this.settings = settings;
        this.ear = ear;
        this.domain = new PayaraDomain(settings.dataDirectory().resolve("payara"), settings);
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        String command = args.length == 0 ? "run" : args[0];
        Path repository = Path.of(System.getProperty("facegate.repository", ".")).toAbsolutePath().normalize();
        LaunchSettings settings;
        try {
            settings = LaunchSettings.fromEnvironment(System.getenv(), repository.resolve("data"));
        } catch (IllegalArgumentException e) {
            System.err.println("[facegate] " + e.getMessage());
            System.exit(2);
            return;
        }
        switch (command) {
            case "run" -> run(settings, repository.resolve("ear/target/facegate.ear"));
            case "stop" -> stopRunning(settings);
            default -> {
                System.err.println("usage: facegate-launcher [run|stop]");
                System.exit(2);
            }
        }
    }

    private static void run(LaunchSettings settings, Path ear) throws Exception {
        Path pidFile = settings.dataDirectory().resolve("launcher.pid");
        Files.createDirectories(settings.dataDirectory());
        Files.writeString(pidFile, String.valueOf(ProcessHandle.current().pid()));
        FaceGateLauncher launcher = new FaceGateLauncher(settings, ear);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping FaceGate...");
            launcher.close();
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException ignored) {
                // best effort
            }
            System.out.println("FaceGate stopped.");
            stopped.countDown();
        }));
        Instant begin = Instant.now();
        try {
            launcher.start();
        } catch (Exception e) {
            System.err.println("[facegate] Start failed: " + e.getMessage());
            System.exit(1); // runs the shutdown hook, which stops whatever did start
        }
        launcher.printWelcome(Duration.between(begin, Instant.now()));
        stopped.await();
    }

    private static void stopRunning(LaunchSettings settings) throws Exception {
        Path pidFile = settings.dataDirectory().resolve("launcher.pid");
        if (!Files.exists(pidFile)) {
            System.out.println("FaceGate is not running (no " + pidFile + ").");
            return;
        }
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty()) {
            Files.deleteIfExists(pidFile);
            System.out.println("FaceGate is not running (stale pid file removed).");
            return;
        }
        process.get().destroy();
        process.get().onExit().get();
        System.out.println("FaceGate stopped.");
    }

    /** Starts everything and returns once the API answers; on failure stops what did start. */
    public void start() throws Exception {
        try {
            startAll();
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    private void startAll() throws Exception {
        domain.killIfRunning();
        ServerSecrets secrets = ServerSecrets.loadOrCreate(settings.dataDirectory().resolve("keys"));
        String jdbcUrl = settings.databaseUrl().orElse(null);
        if (jdbcUrl == null) {
            log("Starting embedded PostgreSQL on 127.0.0.1:" + settings.embeddedDatabasePort());
            embeddedDatabase = EmbeddedDatabase.start(settings.dataDirectory().resolve("postgres"), settings.embeddedDatabasePort());
            jdbcUrl = embeddedDatabase.jdbcUrl();
        }
        String s3Endpoint = settings.s3Endpoint().orElse(null);
        String s3AccessKey = settings.s3AccessKey().orElse(secrets.s3AccessKey());
        String s3SecretKey = settings.s3SecretKey().orElse(secrets.s3SecretKey());
        if (s3Endpoint == null) {
            log("Starting embedded S3 server on 127.0.0.1:" + settings.embeddedS3Port());
            embeddedObjectStore = EmbeddedObjectStore.start(settings.dataDirectory().resolve("s3"),
                    settings.embeddedS3Port(), s3AccessKey, s3SecretKey);
            s3Endpoint = embeddedObjectStore.endpoint();
        }
        serverEnvironment = serverEnvironment(secrets, s3Endpoint, s3AccessKey, s3SecretKey);

        Properties build = buildProperties();
        log("Preparing Payara Server " + build.getProperty("payara.version") + " in " + settings.dataDirectory().resolve("payara"));
        domain.install(Path.of(build.getProperty("payara.zip")), build.getProperty("payara.version"));
        if (!domain.exists()) {
            domain.create();
        }
        domain.installServerLibraries(Path.of(build.getProperty("server.lib")));
        log("Starting the Payara domain (HTTP port " + settings.httpPort() + ")");
        domain.start(serverEnvironment);
        domain.configureDataSource(jdbcUrl, settings.databaseUser(), settings.databasePassword(), serverEnvironment);
        log("Deploying " + ear);
        domain.deploy(ear, serverEnvironment);
        awaitApi(Duration.ofMinutes(3));
        checkOperationsEndpoints();
    }

    /** Stops and starts the application server only (data services keep running), as a server restart would. */
    public void restartServer() throws Exception {
        domain.undeploy(serverEnvironment);
        domain.stop(serverEnvironment);
        domain.start(serverEnvironment);
        domain.deploy(ear, serverEnvironment);
        awaitApi(Duration.ofMinutes(3));
    }

    /**
     * Kills the application server's process with SIGKILL (nothing in it runs another instruction:
     * no shutdown hook, no undeployment), then starts it again with the application as it was
     * deployed: a crash and a restart.
     */
    public void crashAndRestart() throws Exception {
        long pid = Long.parseLong(Files.readString(domain.domainDirectory().resolve("config/pid")).strip());
        ProcessHandle server = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no application server process " + pid));
        server.destroyForcibly();
        server.onExit().get(1, TimeUnit.MINUTES);
        domain.start(serverEnvironment);
        awaitApi(Duration.ofMinutes(3));
    }

    @Override
    public void close() {
        try {
            if (serverEnvironment != null) {
                domain.undeploy(serverEnvironment);
                domain.stop(serverEnvironment);
                serverEnvironment = null;
            }
            if (embeddedObjectStore != null) {
                embeddedObjectStore.close();
                embeddedObjectStore = null;
            }
            if (embeddedDatabase != null) {
                embeddedDatabase.close();
                embeddedDatabase = null;
            }
        } catch (Exception e) {
            System.err.println("While stopping: " + e.getMessage());
        }
    }

    public String baseUrl() {
        return "http://localhost:" + settings.httpPort();
    }

    /** Where /metrics and /health answer, unless they are off. */
    public Optional<String> operationsBaseUrl() {
        return switch (settings.operationsEndpoints()) {
            case LOOPBACK -> Optional.of("http://127.0.0.1:" + settings.operationsPort());
            case PUBLIC -> Optional.of(baseUrl());
            case OFF -> Optional.empty();
        };
    }

    private String operationsDescription() {
        String where = switch (settings.operationsEndpoints()) {
            case LOOPBACK -> ", from this machine only";
            case PUBLIC -> ", on the public port";
            case OFF -> "off";
        };
        return operationsBaseUrl().map(ops -> ops + "/metrics and /health/ready").orElse("") + where
                + " (FACEGATE_OPERATIONS_ENDPOINTS=" + settings.operationsEndpoints().setting() + ")";
    }

    /** A busy operations port does not stop FaceGate, but the operator must hear of it. */
    private void checkOperationsEndpoints() {
        Optional<String> base = operationsBaseUrl();
        if (base.isEmpty()) {
            return;
        }
        URI live = URI.create(base.get() + "/health/live");
        try {
            HttpResponse<Void> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(live).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 200) {
                return;
            }
            log("WARNING: " + live + " answers " + response.statusCode() + "; see " + domain.serverLog());
        } catch (IOException e) {
            log("WARNING: the operations endpoints do not answer at " + live + " (" + e.getMessage()
                    + "); is FACEGATE_OPERATIONS_PORT " + settings.operationsPort() + " in use? See " + domain.serverLog());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public Path serverLog() {
        return domain.serverLog();
    }

    private Map<String, String> serverEnvironment(ServerSecrets secrets, String s3Endpoint, String s3AccessKey, String s3SecretKey) throws IOException {
        Map<String, String> env = new HashMap<>(settings.passThrough());
        env.put("FACEGATE_MASTER_KEY", secrets.masterKey());
        env.put("FACEGATE_JWT_PRIVATE_KEY", secrets.jwtPrivateKeyPem());
        env.put("MP_JWT_VERIFY_PUBLICKEY", secrets.jwtPublicKeyPem());
        env.put("FACEGATE_S3_ENDPOINT", s3Endpoint);
        env.put("FACEGATE_S3_ACCESS_KEY", s3AccessKey);
        env.put("FACEGATE_S3_SECRET_KEY", s3SecretKey);
        env.put("DJL_CACHE_DIR", settings.dataDirectory().resolve("djl-cache").toString());
        env.remove("FACEGATE_DB_PASSWORD");
        if (settings.adminToken().isEmpty() && !Files.exists(adminMarker())) {
            generatedAdminToken = "fga_" + java.util.UUID.randomUUID().toString().replace("-", "")
                    + Long.toHexString(new java.security.SecureRandom().nextLong());
            env.put("FACEGATE_ADMIN_TOKEN", generatedAdminToken);
        }
        return env;
    }

    private Path adminMarker() {
        return settings.dataDirectory().resolve("keys/admin-token-issued");
    }

    private void awaitApi(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        URI health = URI.create(baseUrl() + "/api/system/health/");
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                if (response.statusCode() == 503 && response.body().contains("\"services\"")) {
                    log("FaceGate is up but reports a dependency down: " + response.body());
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IOException("FaceGate did not answer at " + health + " within " + timeout.toSeconds() + " s; see " + domain.serverLog());
    }

    private void printWelcome(Duration took) {
        String base = baseUrl();
        System.out.println();
        System.out.println("FaceGate is running at " + base + " (started in " + took.toSeconds() + " s)");
        System.out.println("  Swagger UI:   " + base + "/api/schema/swagger-ui/");
        System.out.println("  Health:       " + base + "/api/system/health/");
        System.out.println("  Operations:   " + operationsDescription());
        System.out.println("  Data:         " + settings.dataDirectory());
        System.out.println("  Server log:   " + domain.serverLog());
        if (generatedAdminToken != null) {
            System.out.println();
            System.out.println("  Admin token (shown once, store it now): " + generatedAdminToken);
            try {
                // Only now: a start that failed earlier must generate and show a token again.
                Files.writeString(adminMarker(), "an admin token was generated and printed at first start\n");
            } catch (IOException e) {
                System.err.println("Could not record that the admin token was shown: " + e.getMessage());
            }
        }
        System.out.println();
        System.out.println("Create your first client:");
        System.out.println("  ADMIN_JWT=$(curl -s -X POST " + base + "/api/core/auth/admin/ -H 'Content-Type: application/json' \\");
        System.out.println("      -d '{\"admin_token\": \"<admin token>\"}' | sed 's/.*\"access\":\"\\([^\"]*\\)\".*/\\1/')");
        System.out.println("  curl -s -X POST " + base + "/api/core/clients/ -H \"Authorization: Bearer $ADMIN_JWT\" \\");
        System.out.println("      -H 'Content-Type: application/json' -d '{\"name\": \"My company\"}'");
        System.out.println();
        System.out.println("Stop with Ctrl-C or ./facegate stop");
    }

    private static Properties buildProperties() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = FaceGateLauncher.class.getResourceAsStream("/facegate-launcher.properties")) {
            properties.load(in);
        }
        return properties;
    }

    private static void log(String message) {
        System.out.println("[facegate] " + message);
    }
}
