package io.facegate.web.errors;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A typed request that fails Bean Validation, in the API's error shape ({@link RequestErrors}).
 * Its own mapper because Jersey's bean-validation module maps {@code ValidationException} itself,
 * and the closest mapper wins over {@link ExceptionResponses}.
 */
@Provider
public class ValidationResponses implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException violations) {
        return RequestErrors.of(violations).toResponse(400);
    }
}
