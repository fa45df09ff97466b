package io.facegate.web.authentication;

import io.facegate.authentication.CallerIdentity;
import io.facegate.authentication.ClientAuthentication;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

import java.security.Principal;

/**
 * Seed 000's {@code X-API-Key} header. The key alone gives the browser scope (create sessions,
 * stream frames); with {@code X-API-Secret} it gives the full scope, like the matching token.
 * A bearer token, when also present, wins.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyAuthentication implements ContainerRequestFilter {

    public static final String API_KEY_HEADER = "X-API-Key";
    public static final String API_SECRET_HEADER = "X-API-Secret";

    @Inject
    ClientAuthentication authentication;

    @Override
    public void filter(ContainerRequestContext request) {
        String apiKey = request.getHeaderString(API_KEY_HEADER);
        SecurityContext current = request.getSecurityContext();
        if (apiKey == null || (current != null && current.getUserPrincipal() != null)) {
            return;
        }
        CallerIdentity identity = authentication.identifyByApiKey(apiKey.strip(), request.getHeaderString(API_SECRET_HEADER));
        boolean secure = current != null && current.isSecure();
        request.setSecurityContext(new SecurityContext() {
            private final CallerPrincipal principal = new CallerPrincipal(identity);

            @Override
            public Principal getUserPrincipal() {
                return principal;
            }

            @Override
            public boolean isUserInRole(String role) {
                return identity.scope().roles().contains(role);
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return "X-API-Key";
            }
        });
    }
}
