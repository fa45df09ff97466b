package io.facegate.web.http;

import io.facegate.system.FaceGateException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import java.util.List;
import java.util.Map;

/**
 * Refuses a path or query that decodes to a NUL character ({@code %00}): no id, name or search text
 * contains one, and PostgreSQL cannot store or compare it, so it would otherwise surface as a
 * database error deep inside a use case.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 90)
public class QueryTextGuard implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getUriInfo().getPath(true).indexOf('\0') >= 0) {
            throw refuse("path");
        }
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters(true).entrySet()) {
            if (parameter.getKey().indexOf('\0') >= 0 || parameter.getValue().stream().anyMatch(v -> v.indexOf('\0') >= 0)) {
                throw refuse("query parameter " + parameter.getKey().replace('\0', '?'));
            }
        }
    }

    private static FaceGateException refuse(String where) {
        return FaceGateException.invalid("invalid_text", where + " must not contain NUL (%00) characters");
    }
}
