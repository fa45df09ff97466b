package io.facegate.web.usage;

import io.facegate.authentication.CallerIdentity;
import io.facegate.domain.usage.EndpointCategory;
import io.facegate.usage.ApiCall;
import io.facegate.usage.CallOrigin;
import io.facegate.usage.Transport;
import io.facegate.usage.UsageRecorder;
import io.facegate.web.authentication.Callers;
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

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Measures every matched API call and hands the ones made by a client (JWT or API key, as
 * {@code AccessControl} identified it) to the {@link UsageRecorder}, which queues them: the
 * response never waits for the database. Runs first on the way in (before matching, so it sees the
 * path as called, not as a pre-matching alias rewrote it) and last on the way out, so the time
 * covers access checks, the resource and error mapping. Calls refused for missing or out-of-scope
 * credentials, and the operator's calls, are not a client's usage. A resource whose use case bills
 * the call itself (the frame use case, shared with the WebSocket) takes the call's origin with
 * {@link #handOver}, and the call is not recorded twice.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
public class UsageMeter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String FORWARDED_FOR_HEADER = "X-Forwarded-For";

    private static final Logger LOG = Logger.getLogger(UsageMeter.class.getName());
    private static final String ARRIVAL = "io.facegate.usage.arrival";
    private static final String HANDED_OVER = "io.facegate.usage.handed-over";

    @Inject
    UsageRecorder recorder;

    @Inject
    CallerAddresses addresses;

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest http;

    /** When the call came in, the path it named below {@code /api/} (for the category), and where it came from. */
    private record Arrival(long nanos, String apiPath, CallOrigin origin) {
    }

    /**
     * The origin of the call being answered, for a use case that records its usage itself; the
     * call is then not recorded here.
     *
     * @param viewName what answers, e.g. {@code SessionResource#processFrameJson}
     */
    public static CallOrigin handOver(HttpServletRequest request, String viewName) {
        request.setAttribute(HANDED_OVER, Boolean.TRUE);
        return ((Arrival) request.getAttribute(ARRIVAL)).origin().answeredBy(viewName);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        request.getUriInfo().getQueryParameters().forEach((name, values) -> query.put(name, List.copyOf(values)));
        CallOrigin origin = new CallOrigin(Transport.REST, request.getMethod(), request.getUriInfo().getRequestUri().getPath(), query,
                addresses.resolve(http.getRemoteAddr(), request.getHeaderString(FORWARDED_FOR_HEADER)),
                request.getHeaderString(HttpHeaders.USER_AGENT), null);
        request.setProperty(ARRIVAL, new Arrival(System.nanoTime(), request.getUriInfo().getPath(), origin));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(Callers.ATTRIBUTE) instanceof CallerIdentity caller) || caller.clientId() == null
                || !(request.getProperty(ARRIVAL) instanceof Arrival arrival) || request.getProperty(HANDED_OVER) != null) {
            return;
        }
        try {
            EndpointCategory category = EndpointCategories.of(arrival.apiPath());
            recorder.record(new ApiCall(caller.clientId(), category, arrival.origin().answeredBy(viewName()), response.getStatus(),
                    elapsedMs(arrival.nanos()), Instant.now()));
        } catch (RuntimeException e) {
            // Usage is bookkeeping: losing one record must never spoil the caller's response.
            LOG.log(Level.WARNING, "API call not recorded", e);
        }
    }

    private static double elapsedMs(long startedNanos) {
        return Math.round((System.nanoTime() - startedNanos) / 100_000.0) / 10.0;
    }

    /** {@code ClientUserResource#list}: seed 000's view_name, in this API's terms. */
    private String viewName() {
        Method method = resource.getResourceMethod();
        return method == null ? null : resource.getResourceClass().getSimpleName() + "#" + method.getName();
    }
}
