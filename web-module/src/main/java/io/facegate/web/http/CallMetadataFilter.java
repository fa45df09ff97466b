package io.facegate.web.http;

import io.facegate.system.CallMetadata;
import io.facegate.web.usage.CallerAddresses;
import io.facegate.web.usage.UsageMeter;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Tells the use cases where a REST call came from ({@link CallMetadata}): the caller's address as
 * usage tracking resolves it ({@code X-Forwarded-For} only from trusted proxies) and its
 * {@code User-Agent}, before any resource (a login among them) runs.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
public class CallMetadataFilter implements ContainerRequestFilter {

    @Inject
    CallMetadata call;

    @Inject
    CallerAddresses addresses;

    @Context
    HttpServletRequest http;

    @Override
    public void filter(ContainerRequestContext request) {
        call.describe(addresses.resolve(http.getRemoteAddr(), request.getHeaderString(UsageMeter.FORWARDED_FOR_HEADER)),
                request.getHeaderString(HttpHeaders.USER_AGENT));
    }
}
