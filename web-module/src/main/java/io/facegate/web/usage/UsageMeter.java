package io.facegate.web.usage;

import io.facegate.authentication.CallerIdentity;
import io.facegate.usage.ApiCall;
import io.facegate.usage.UsageRecorder;
import io.facegate.domain.usage.EndpointCategory;
import io.facegate.web.authentication.Callers;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Measures every matched API call and hands the ones made by a client (JWT or API key, as
 * {@code AccessControl} identified it) to the {@link UsageRecorder}, which queues them: the
 * response never waits for the database. Runs first on the way in (before matching, so it sees the
 * path as called, not as a pre-matching alias rewrote it) and last on the way out, so the time
 * covers access checks, the resource and error mapping. Calls refused for missing or out-of-scope
 * credentials, and the operator's calls, are not a client's usage.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
public class UsageMeter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String FORWARDED_FOR_HEADER = "X-Forwarded-For";

    private static final Logger LOG = Logger.getLogger(UsageMeter.class.getName());
    private static final String ARRIVAL = "io.facegate.usage.arrival";
    /**
     * Set by a resource whose path does not tell the category: a frame sent to process-image is
     * enrollment or recognition depending on its session.
     */
    public static final String CATEGORY = "io.facegate.usage.category";

    @Inject
    UsageRecorder recorder;

    /** Comma-separated IP addresses or CIDR ranges (Payara cannot inject an optional list). */
    @Inject
    @ConfigProperty(name = "facegate.usage.trusted-proxies")
    Optional<String> trustedProxies;

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest http;

    private ClientAddresses addresses;

    @PostConstruct
    void readTrustedProxies() {
        addresses = ClientAddresses.trusting(List.of(trustedProxies.orElse("").split(",")));
    }

    /** When the call came in and the path it named: below {@code /api/} (for the category) and whole. */
    private record Arrival(long nanos, String apiPath, String path) {
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(ARRIVAL, new Arrival(System.nanoTime(), request.getUriInfo().getPath(),
                request.getUriInfo().getRequestUri().getPath()));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(Callers.ATTRIBUTE) instanceof CallerIdentity caller) || caller.clientId() == null
                || !(request.getProperty(ARRIVAL) instanceof Arrival arrival)) {
            return;
        }
        try {
            EndpointCategory category = request.getProperty(CATEGORY) instanceof EndpointCategory set
                    ? set : EndpointCategories.of(arrival.apiPath());
            recorder.record(new ApiCall(caller.clientId(), category,
                    request.getMethod(), response.getStatus(), elapsedMs(arrival.nanos()),
                    addresses.resolve(http.getRemoteAddr(), request.getHeaderString(FORWARDED_FOR_HEADER)),
                    request.getHeaderString(HttpHeaders.USER_AGENT), arrival.path(),
                    queryParameters(request), viewName(), Instant.now()));
        } catch (RuntimeException e) {
            // Usage is bookkeeping: losing one record must never spoil the caller's response.
            LOG.log(Level.WARNING, "API call not recorded", e);
        }
    }

    private static double elapsedMs(long startedNanos) {
        return Math.round((System.nanoTime() - startedNanos) / 100_000.0) / 10.0;
    }

    private static Map<String, List<String>> queryParameters(ContainerRequestContext request) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        request.getUriInfo().getQueryParameters().forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return copy;
    }

    /** {@code ClientUserResource#list}: seed 000's view_name, in this API's terms. */
    private String viewName() {
        Method method = resource.getResourceMethod();
        return method == null ? null : resource.getResourceClass().getSimpleName() + "#" + method.getName();
    }
}
