package io.facegate.web.errors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A request body that Bean Validation refused: 400 {@code invalid_request}, naming each field as the
 * JSON spells it ({@code details.fields}). More specific than the container's own validation mapper.
 */
@Provider
public class ConstraintViolations implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException refused) {
        Map<String, String> fields = new TreeMap<>();
        for (ConstraintViolation<?> violation : refused.getConstraintViolations()) {
            fields.merge(field(violation.getPropertyPath()), violation.getMessage(), (a, b) -> a + "; " + b);
        }
        String message = fields.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "));
        return new ApiError("invalid_request", message, Map.of("fields", fields)).toResponse(400);
    }

    /** The JSON name of the refused property ({@code bearer_token}, {@code events[1]}), or {@code body} for the body itself. */
    static String field(Path path) {
        StringBuilder name = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.getKind() == ElementKind.PROPERTY) {
                    name.append(name.isEmpty() ? "" : ".").append(snakeCase(node.getName()));
                }
                if (node.getIndex() != null) {
                    name.append('[').append(node.getIndex()).append(']');
                }
            }
        }
        return name.isEmpty() ? "body" : name.toString();
    }

    private static String snakeCase(String name) {
        return name == null ? "" : name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
