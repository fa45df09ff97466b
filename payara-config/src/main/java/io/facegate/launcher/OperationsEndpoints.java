package io.facegate.launcher;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where Payara serves MicroProfile Metrics ({@code /metrics}) and Health ({@code /health},
 * {@code /health/ready}, {@code /health/live}): they show server internals and FaceGate's readiness
 * data without credentials, so they are kept off the public listener unless the operator says so.
 *
 * <p>Payara adds both endpoints as servlets to the root-context web module of each virtual server
 * named in their {@code virtual-servers} setting (FaceGate's own module on {@code server}); a listener
 * whose virtual server gets no such servlet answers them with FaceGate's JSON 404.
 */
public enum OperationsEndpoints {

    /** Only on a listener bound to 127.0.0.1 (its own virtual server); 404 on the public port. */
    LOOPBACK(true, PayaraDomain.OPERATIONS_VIRTUAL_SERVER),
    /** On the public HTTP listener, as Payara does by default: for networks that already restrict access. */
    PUBLIC(true, PayaraDomain.PUBLIC_VIRTUAL_SERVER),
    /**
     * Not served: both services disabled, and named for the operations virtual server, which does not
     * exist then (a disabled metrics service still registers its servlet, which would answer 403).
     */
    OFF(false, PayaraDomain.OPERATIONS_VIRTUAL_SERVER);

    private final boolean enabled;
    private final String virtualServer;

    OperationsEndpoints(boolean enabled, String virtualServer) {
        this.enabled = enabled;
        this.virtualServer = virtualServer;
    }

    /** {@code FACEGATE_OPERATIONS_ENDPOINTS}: {@code loopback} (default), {@code public} or {@code off}. */
    public static OperationsEndpoints parse(String value) {
        String wanted = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            return LOOPBACK;
        }
        return Arrays.stream(values()).filter(mode -> mode.name().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("FACEGATE_OPERATIONS_ENDPOINTS must be one of "
                        + Arrays.stream(values()).map(OperationsEndpoints::setting).collect(Collectors.joining(", "))
                        + ", not '" + value + "'"));
    }

    /** The value as an operator writes it. */
    public String setting() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean servicesEnabled() {
        return enabled;
    }

    String virtualServer() {
        return virtualServer;
    }

    boolean needsOwnListener() {
        return this == LOOPBACK;
    }
}
