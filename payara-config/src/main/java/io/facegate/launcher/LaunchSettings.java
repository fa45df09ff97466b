package io.facegate.launcher;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the launcher needs to know, from the environment with safe defaults. Leaving the database
 * or S3 endpoint unset means "start an embedded one under the data directory".
 */
public record LaunchSettings(
        Path dataDirectory,
        int httpPort,
        String serverHeap,
        Optional<String> databaseUrl,
        String databaseUser,
        String databasePassword,
        int embeddedDatabasePort,
        Optional<String> s3Endpoint,
        Optional<String> s3AccessKey,
        Optional<String> s3SecretKey,
        int embeddedS3Port,
        Optional<String> adminToken,
        OperationsEndpoints operationsEndpoints,
        int operationsPort,
        Map<String, String> passThrough) {

    public LaunchSettings {
        if (operationsEndpoints.needsOwnListener() && operationsPort == httpPort) {
            throw new IllegalArgumentException("FACEGATE_OPERATIONS_PORT must differ from the HTTP port " + httpPort);
        }
    }

    public static LaunchSettings fromEnvironment(Map<String, String> env, Path defaultDataDirectory) {
        int httpPort = Integer.parseInt(env.getOrDefault("FACEGATE_HTTP_PORT", "8080"));
        return new LaunchSettings(
                Path.of(env.getOrDefault("FACEGATE_DATA_DIR", defaultDataDirectory.toString())).toAbsolutePath(),
                httpPort,
                env.getOrDefault("FACEGATE_SERVER_HEAP", "3g"),
                nonBlank(env.get("FACEGATE_DB_URL")),
                env.getOrDefault("FACEGATE_DB_USER", "postgres"),
                env.getOrDefault("FACEGATE_DB_PASSWORD", ""),
                Integer.parseInt(env.getOrDefault("FACEGATE_EMBEDDED_DB_PORT", "55432")),
                nonBlank(env.get("FACEGATE_S3_ENDPOINT")),
                nonBlank(env.get("FACEGATE_S3_ACCESS_KEY")),
                nonBlank(env.get("FACEGATE_S3_SECRET_KEY")),
                Integer.parseInt(env.getOrDefault("FACEGATE_EMBEDDED_S3_PORT", "9100")),
                nonBlank(env.get("FACEGATE_ADMIN_TOKEN")),
                OperationsEndpoints.parse(env.get("FACEGATE_OPERATIONS_ENDPOINTS")),
                Integer.parseInt(env.getOrDefault("FACEGATE_OPERATIONS_PORT", String.valueOf(httpPort + 10))),
                passThrough(env));
    }

    /** Every other FACEGATE_* variable reaches the application unchanged (its own settings). */
    private static Map<String, String> passThrough(Map<String, String> env) {
        var copy = new java.util.TreeMap<String, String>();
        env.forEach((name, value) -> {
            if (name.startsWith("FACEGATE_") || name.startsWith("MP_")) {
                copy.put(name, value);
            }
        });
        return Map.copyOf(copy);
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** Payara derives every port from a base: HTTP is base + 80, admin base + 48. */
    public int portBase() {
        return httpPort - 80;
    }

    public int adminPort() {
        return portBase() + 48;
    }
}
