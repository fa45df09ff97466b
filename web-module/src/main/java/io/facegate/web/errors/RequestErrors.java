package io.facegate.web.errors;

import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.lang.annotation.Annotation;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request body that does not fit its typed request, as the API's 400: the code names the first
 * field at fault ({@code missing_api_key} when a required field is absent, {@code invalid_is_active}
 * when a value is wrong) and {@code details.fields} lists every field with what is wrong with it,
 * by their JSON (snake_case) names.
 */
final class RequestErrors {

    private static final Set<Class<? extends Annotation>> REQUIRED = Set.of(NotNull.class, NotBlank.class, NotEmpty.class);
    /** Yasson names the property it could not bind: "Unable to deserialize property 'is_active' because of: ...". */
    private static final Pattern PROPERTY = Pattern.compile("property '([^']+)'");

    private RequestErrors() {
    }

    static ApiError of(ConstraintViolationException exception) {
        List<ConstraintViolation<?>> violations = exception.getConstraintViolations().stream()
                .sorted(Comparator.comparing((ConstraintViolation<?> v) -> field(v.getPropertyPath())))
                .toList();
        if (violations.isEmpty()) {
            return new ApiError("invalid_request", "the request is not valid", Map.of());
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        violations.forEach(v -> fields.putIfAbsent(field(v.getPropertyPath()), v.getMessage()));
        ConstraintViolation<?> first = violations.get(0);
        String field = field(first.getPropertyPath());
        if (field.isEmpty()) {
            return new ApiError("missing_body", "a JSON body is required", Map.of());
        }
        boolean missing = REQUIRED.contains(first.getConstraintDescriptor().getAnnotation().annotationType());
        return new ApiError((missing ? "missing_" : "invalid_") + field, field + " " + first.getMessage(), Map.of("fields", fields));
    }

    static ApiError of(JsonbException exception) {
        Throwable deepest = exception;
        String property = null;
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Matcher matcher = PROPERTY.matcher(String.valueOf(t.getMessage()));
            if (property == null && matcher.find()) {
                property = snakeCase(matcher.group(1));
            }
            deepest = t;
        }
        if (property == null) {
            return new ApiError("invalid_json", "request body is not valid JSON for this endpoint", Map.of());
        }
        String reason = deepest instanceof JsonbException && deepest.getMessage() != null ? deepest.getMessage() : "wrong type";
        return new ApiError("invalid_" + property, property + ": " + reason, Map.of("fields", Map.of(property, reason)));
    }

    /** The violating field's JSON name: the last property node, in snake_case; empty for the body itself. */
    private static String field(Path path) {
        String name = "";
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                name = node.getName() == null ? name : node.getName();
            } else if (node.getKind() == ElementKind.PARAMETER || node.getKind() == ElementKind.METHOD) {
                name = "";
            }
        }
        return snakeCase(name);
    }

    static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
