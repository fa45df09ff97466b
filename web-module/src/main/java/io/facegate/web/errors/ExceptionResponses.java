package io.facegate.web.errors;

import io.facegate.ratelimits.RateLimitExceededException;
import io.facegate.system.ErrorKind;
import io.facegate.system.FaceGateException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import io.facegate.web.ratelimits.RateLimitHeaders;

import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every exception that leaves a resource into the API's JSON error. Refusals keep their
 * status and code; anything unexpected is a 500 with an incident id for the log, never a trace.
 */
@Provider
public class ExceptionResponses implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ExceptionResponses.class.getName());

    @Override
    public Response toResponse(Throwable thrown) {
        FaceGateException refusal = find(thrown, FaceGateException.class);
        if (refusal != null) {
            Response.ResponseBuilder response = Response.status(refusal.kind().httpStatus()).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ApiError(refusal.code(), refusal.getMessage(), refusal.details()));
            if (refusal.kind() == ErrorKind.UNAUTHENTICATED) {
                response.header("WWW-Authenticate", ApiError.BEARER_CHALLENGE);
            }
            if (refusal instanceof RateLimitExceededException limited) {
                response.header("Retry-After", limited.retryAfterSeconds());
                RateLimitHeaders.add(response, limited.state());
            }
            return response.build();
        }
        if (find(thrown, OptimisticLockException.class) != null) {
            return new ApiError("concurrent_update", "the resource was changed by another request at the same time; read it again and retry",
                    Map.of()).toResponse(409);
        }
        JsonbException binding = find(thrown, JsonbException.class);
        if (binding != null) {
            return RequestErrors.of(binding).toResponse(400);
        }
        if (find(thrown, JsonParsingException.class) != null) {
            return new ApiError("invalid_json", "request body is not valid JSON for this endpoint", Map.of()).toResponse(400);
        }
        if (thrown instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            Response.ResponseBuilder response = Response.status(status);
            // Keep headers such as Allow or WWW-Authenticate; replace only the body.
            web.getResponse().getHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                    values.forEach(v -> response.header(name, v));
                }
            });
            return response.type("application/json")
                    .entity(new ApiError(ApiError.codeFor(status), messageFor(status, web), Map.of())).build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error, incident " + incident, thrown);
        return new ApiError("internal_error", "unexpected server error; quote incident " + incident, Map.of("incident", incident))
                .toResponse(500);
    }

    private static String messageFor(int status, WebApplicationException e) {
        return switch (status) {
            case 401 -> "missing, invalid or expired credentials";
            case 403 -> "these credentials may not call this endpoint";
            case 404 -> "no such resource";
            case 405 -> "method not allowed on this resource";
            case 406 -> "cannot produce the requested media type";
            case 415 -> "unsupported content type for this endpoint";
            default -> e.getMessage() == null ? "request refused" : e.getMessage();
        };
    }

    private static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
