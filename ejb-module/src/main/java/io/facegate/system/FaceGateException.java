package io.facegate.system;

import jakarta.ejb.ApplicationException;

import java.util.Map;

/**
 * A refusal the caller can act on: a stable machine-readable {@code code}, a human message and
 * optional details. Anything else escaping a use case is a server fault.
 */
@ApplicationException(rollback = true)
public class FaceGateException extends RuntimeException {

    private final ErrorKind kind;
    private final String code;
    private final transient Map<String, Object> details;

    public FaceGateException(ErrorKind kind, String code, String message) {
        this(kind, code, message, Map.of());
    }

    public FaceGateException(ErrorKind kind, String code, String message, Map<String, Object> details) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static FaceGateException notFound(String what) {
        return new FaceGateException(ErrorKind.NOT_FOUND, "not_found", what + " not found");
    }

    public static FaceGateException invalid(String code, String message) {
        return new FaceGateException(ErrorKind.INVALID_REQUEST, code, message);
    }

    public ErrorKind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
