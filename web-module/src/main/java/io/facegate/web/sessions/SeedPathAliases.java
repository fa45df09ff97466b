package io.facegate.web.sessions;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import java.net.URI;
import java.util.Map;

/**
 * Seed 000 names three session endpoints differently from seed 001; both are served. The aliases
 * are rewritten to the seed-001 paths before matching, so one resource method serves each.
 */
@Provider
@PreMatching
public class SeedPathAliases implements ContainerRequestFilter {

    private static final Map<String, String> ALIASES = Map.of(
            "enrollment/create", "auth/enrollment",
            "auth/face/create", "auth/authentication",
            "auth/face/process-frame", "auth/process-image");

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath(false);
        String bare = path.replaceAll("^/+|/+$", "");
        String target = ALIASES.get(bare);
        if (target != null) {
            URI base = request.getUriInfo().getBaseUri();
            URI original = request.getUriInfo().getRequestUri();
            URI rewritten = request.getUriInfo().getBaseUriBuilder().path(target + (path.endsWith("/") ? "/" : ""))
                    .replaceQuery(original.getRawQuery()).build();
            request.setRequestUri(base, rewritten);
        }
    }
}
