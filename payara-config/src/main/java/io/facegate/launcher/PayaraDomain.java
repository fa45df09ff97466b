package io.facegate.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * One Payara Server 6 installation with one domain, driven through {@code asadmin}. The domain
 * set-up itself is in the {@code domain/*.asadmin} command files beside this class.
 */
public final class PayaraDomain {

    public static final String DOMAIN = "facegate";
    public static final String APPLICATION = "facegate";
    /** The virtual server of the public HTTP listener, the only one FaceGate is deployed to. */
    static final String PUBLIC_VIRTUAL_SERVER = "server";
    /** The virtual server and listener of {@link OperationsEndpoints#LOOPBACK}. */
    static final String OPERATIONS_VIRTUAL_SERVER = "operations";
    private static final String OPERATIONS_LISTENER = "operations-listener";
    private static final String CONFIGURED_MARKER = "facegate-configured";
    private static final String OPERATIONS_MARKER = "facegate-operations-endpoints";
    private static final long ASADMIN_TIMEOUT_MINUTES = 5;

    private final Path installRoot;
    private final LaunchSettings settings;
    private final Path javaHome;

    public PayaraDomain(Path installRoot, LaunchSettings settings) {
        this.installRoot = installRoot;
        this.settings = settings;
        this.javaHome = Path.of(System.getProperty("java.home"));
    }

    /** Unpacks the distribution unless this version is already there. */
    public void install(Path distributionZip, String version) throws IOException {
        Path versionMarker = installRoot.resolve(".payara-version");
        if (Files.exists(versionMarker) && Files.readString(versionMarker).strip().equals(version)) {
            return;
        }
        Files.createDirectories(installRoot);
        try (ZipFile zip = new ZipFile(distributionZip.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                // the archive's single top-level folder (payara6/) is dropped
                String name = entry.getName().substring(entry.getName().indexOf('/') + 1);
                Path target = installRoot.resolve(name).normalize();
                if (name.isEmpty() || !target.startsWith(installRoot)) {
                    continue;
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        for (String dir : List.of("bin", "glassfish/bin")) {
            try (Stream<Path> files = Files.list(installRoot.resolve(dir))) {
                files.forEach(f -> f.toFile().setExecutable(true));
            }
        }
        Files.writeString(versionMarker, version);
    }

    public boolean exists() {
        return Files.isDirectory(domainDirectory());
    }

    public void create() throws IOException {
        asadmin(Map.of(), "create-domain", "--nopassword=true", "--portbase", String.valueOf(settings.portBase()),
                "--checkports=false", DOMAIN);
    }

    /** Copies the server libraries into the domain's lib/, replacing what an older build left there. */
    public void installServerLibraries(Path serverLibDirectory) throws IOException {
        Path lib = domainDirectory().resolve("lib");
        Files.createDirectories(lib);
        List<String> wanted = new ArrayList<>();
        try (Stream<Path> jars = Files.list(serverLibDirectory)) {
            for (Path jar : (Iterable<Path>) jars::iterator) {
                wanted.add(jar.getFileName().toString());
                Path target = lib.resolve(jar.getFileName());
                if (!Files.exists(target) || Files.size(target) != Files.size(jar)) {
                    Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        try (Stream<Path> existing = Files.list(lib)) {
            for (Path jar : (Iterable<Path>) existing::iterator) {
                if (jar.toString().endsWith(".jar") && !wanted.contains(jar.getFileName().toString())) {
                    Files.delete(jar);
                }
            }
        }
    }

    /**
     * Starts the domain. Configuration that Payara applies only when it boots is applied here, followed
     * by one restart: the set-up of a new domain, and {@code FACEGATE_OPERATIONS_ENDPOINTS} (and its
     * port) whenever they differ from what the domain was last given.
     */
    public void start(Map<String, String> environment) throws IOException {
        asadmin(environment, "start-domain", DOMAIN);
        Path configured = domainDirectory().resolve(CONFIGURED_MARKER);
        Path operationsApplied = domainDirectory().resolve(OPERATIONS_MARKER);
        String operations = operationsSetting();
        boolean created = !Files.exists(configured);
        boolean operationsChanged = !Files.exists(operationsApplied) || !Files.readString(operationsApplied).strip().equals(operations);
        if (created) {
            runCommandFile(environment, "create-domain.asadmin", Map.of("heap", settings.serverHeap()));
        }
        if (operationsChanged) {
            configureOperationsEndpoints(environment);
        }
        if (created || operationsChanged) {
            asadmin(environment, "restart-domain", DOMAIN);
            Files.writeString(configured, "configured by the FaceGate launcher\n");
            Files.writeString(operationsApplied, operations + "\n");
        }
    }

    /** What {@link #configureOperationsEndpoints} applies: the mode, and the port where it has one. */
    private String operationsSetting() {
        OperationsEndpoints operations = settings.operationsEndpoints();
        return operations.needsOwnListener() ? operations.setting() + " " + settings.operationsPort() : operations.setting();
    }

    /**
     * Serves /metrics and /health as {@code FACEGATE_OPERATIONS_ENDPOINTS} says: the operations listener
     * is removed, then created again for loopback. Payara adds the endpoints to a root module when it
     * starts and keeps a deleted listener's socket open until it restarts, hence the restart after this.
     */
    private void configureOperationsEndpoints(Map<String, String> environment) throws IOException {
        OperationsEndpoints operations = settings.operationsEndpoints();
        asadminTolerant(environment, "delete-http-listener", OPERATIONS_LISTENER);
        asadminTolerant(environment, "delete-virtual-server", OPERATIONS_VIRTUAL_SERVER);
        runCommandFile(environment, "configure-operations.asadmin", Map.of(
                "operations_enabled", String.valueOf(operations.servicesEnabled()),
                "operations_virtual_server", operations.virtualServer()));
        if (operations.needsOwnListener()) {
            runCommandFile(environment, "create-operations-listener.asadmin",
                    Map.of("operations_port", String.valueOf(settings.operationsPort())));
        }
    }

    /** (Re)creates the JDBC pool for this start's database; credentials go through a file, not argv. */
    public void configureDataSource(String jdbcUrl, String user, String password, Map<String, String> environment) throws IOException {
        asadminTolerant(environment, "delete-jdbc-resource", "jdbc/facegate");
        asadminTolerant(environment, "delete-jdbc-connection-pool", "facegate-pool");
        // Payara's pool refuses to connect without a password property; trust-auth servers ignore it.
        String properties = "url=" + escape(withStringTypeUnspecified(jdbcUrl)) + ":user=" + escape(user)
                + ":password=" + escape(password.isEmpty() ? "unused" : password);
        runCommandFile(environment, "configure-datasource.asadmin", Map.of("pool_properties", properties));
    }

    public void deploy(Path ear, Map<String, String> environment) throws IOException {
        // Deployed to every virtual server, FaceGate would also answer on the operations listener.
        String output = asadmin(environment, "deploy", "--force=true", "--name", APPLICATION,
                "--virtualservers", PUBLIC_VIRTUAL_SERVER, ear.toAbsolutePath().toString());
        if (output.contains("Exception while loading the app")) {
            throw new IOException("deployment failed:\n" + output + "\nsee " + serverLog());
        }
    }

    public void undeploy(Map<String, String> environment) throws IOException {
        asadminTolerant(environment, "undeploy", APPLICATION);
    }

    public void stop(Map<String, String> environment) throws IOException {
        asadminTolerant(environment, "stop-domain", "--kill=false", DOMAIN);
    }

    /** Ends a domain left running by a start that was cut short (its ports would block the next start). */
    public void killIfRunning() {
        if (Files.exists(installRoot.resolve("bin/asadmin")) && exists()) {
            asadminTolerant(Map.of(), "stop-domain", "--kill=true", DOMAIN);
        }
    }

    public Path serverLog() {
        return domainDirectory().resolve("logs/server.log");
    }

    public Path domainDirectory() {
        return installRoot.resolve("glassfish/domains").resolve(DOMAIN);
    }

    /** PostgreSQL jsonb and uuid parameters are sent as text; let the server infer their types. */
    static String withStringTypeUnspecified(String jdbcUrl) {
        if (jdbcUrl.contains("stringtype=")) {
            return jdbcUrl;
        }
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "stringtype=unspecified";
    }

    /**
     * asadmin property syntax: name=value pairs separated by ':', so ':' '=' and '\' in values are
     * escaped with '\', and that '\' is doubled again because a multimode command file unescapes once.
     */
    static String escape(String value) {
        return value.replace("\\", "\\\\\\\\").replace(":", "\\\\:").replace("=", "\\\\=");
    }

    private void runCommandFile(Map<String, String> environment, String resource, Map<String, String> values) throws IOException {
        String template;
        try (InputStream in = PayaraDomain.class.getResourceAsStream("/domain/" + resource)) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (var value : values.entrySet()) {
            template = template.replace("${" + value.getKey() + "}", value.getValue());
        }
        Path file = Files.createTempFile("facegate-", ".asadmin");
        try {
            Files.writeString(file, template);
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
            asadmin(environment, "multimode", "--file", file.toString());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private String asadminTolerant(Map<String, String> environment, String... arguments) {
        try {
            return asadmin(environment, arguments);
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    private String asadmin(Map<String, String> environment, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(installRoot.resolve("bin/asadmin").toString());
        command.add("--port");
        command.add(String.valueOf(settings.adminPort()));
        command.add("--interactive=false");
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put("AS_JAVA", javaHome.toString());
        builder.environment().put("JAVA_HOME", javaHome.toString());
        Process process = builder.start();
        // start-domain leaves the server running with our output stream inherited: read until the
        // asadmin process itself exits, not until EOF.
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (InputStream in = process.getInputStream()) {
                output.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            if (!process.waitFor(ASADMIN_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("asadmin " + arguments[0] + " timed out");
            }
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        String text;
        synchronized (output) {
            text = output.toString();
        }
        if (process.exitValue() != 0) {
            throw new IOException("asadmin " + String.join(" ", arguments) + " failed (exit " + process.exitValue() + "):\n" + text);
        }
        return text;
    }
}
