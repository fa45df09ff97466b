package io.facegate.web.ratelimits;

import io.facegate.authentication.CallerIdentity;
import io.facegate.ratelimits.RateCategory;
import io.facegate.ratelimits.RateLimits;
import io.facegate.ratelimits.RateState;
import io.facegate.web.authentication.Callers;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Seed 004's rate limits on its API ({@code /api/v1/}), counted per caller (the client's
 * credentials, or one person's login) once {@code AccessControl} knows who calls, and announced on
 * every answer with {@code RateLimit-*} headers. Logins and refreshes, which have no caller yet,
 * are counted by their use case per login. Other APIs are not limited here.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 10)
public class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String STATE = "io.facegate.ratelimit.state";

    @Inject
    RateLimits rateLimits;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!(request.getProperty(Callers.ATTRIBUTE) instanceof CallerIdentity caller) || caller.clientId() == null
                || RateCategories.of(path).isEmpty()) {
            return;
        }
        RateCategory category = RateCategories.of(path).get();
        String subject = caller.isPerson() ? "person:" + caller.person().personId() : "client:" + caller.clientId();
        request.setProperty(STATE, rateLimits.consume(subject, caller.clientId(), category));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(STATE) instanceof RateState state) {
            RateLimitHeaders.add(response.getHeaders(), state);
        }
    }
}
