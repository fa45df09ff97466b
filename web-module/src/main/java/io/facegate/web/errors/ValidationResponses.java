package io.facegate.web.errors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A request body that fails its Bean Validation constraints: 400 in the API's error shape, naming
 * each field as the client wrote it (snake_case). Without this, the JAX-RS runtime's own mapper,
 * more specific than {@link ExceptionResponses}, would answer in its own format.
 */
@Provider
public class ValidationResponses implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        Map<String, Object> fields = new TreeMap<>();
        for (ConstraintViolation<?> violation : exception.getConstraintViolations()) {
            fields.put(field(violation.getPropertyPath()), violation.getMessage());
        }
        String message = fields.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("; "));
        return new ApiError("invalid_request", message.isEmpty() ? "the request is not valid" : message, Map.of("fields", fields))
                .toResponse(400);
    }

    /** The last node of the path (method.parameter.property) in the JSON's snake_case. */
    private static String field(Path path) {
        String name = "";
        for (Path.Node node : path) {
            name = node.getName() == null ? name : node.getName();
        }
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
