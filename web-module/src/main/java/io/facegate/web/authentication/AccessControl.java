package io.facegate.web.authentication;

import io.facegate.authentication.CallerIdentity;
import io.facegate.authentication.ClientAccess;
import io.facegate.authentication.ClientAuthentication;
import io.facegate.system.ErrorKind;
import io.facegate.system.FaceGateException;
import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.lang.reflect.Method;
import java.security.Principal;
import java.util.List;

/**
 * Authenticates the caller and enforces {@link RequiresRole} / {@code @PermitAll} on every
 * resource method, failing closed: a method with neither (on itself or its class) is refused to
 * everyone. Callers come with a JWT (verified by MicroProfile JWT before JAX-RS runs) or with
 * seed 000's {@code X-API-Key} header: the key alone gives the browser scope (create sessions,
 * stream frames), with {@code X-API-Secret} the full scope, like the matching tokens; people of a
 * tenant come with the tokens of their own logins, whose roles follow their current role. Whether the
 * caller's client may act now (enabled, token of its current secret, page among its origins) is
 * the use-case tier's answer ({@link ClientAccess}), the same the WebSocket and the pollers get.
 * Payara's own {@code @RolesAllowed} filter knows only JWT callers, so resources use
 * {@link RequiresRole} and this is the one guard.
 */
@Provider
public class AccessControl implements DynamicFeature {

    public static final String API_KEY_HEADER = "X-API-Key";
    public static final String API_SECRET_HEADER = "X-API-Secret";

    @Inject
    ClientAuthentication authentication;

    @Inject
    ClientAccess clientAccess;

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        Class<?> type = resource.getResourceClass();
        if (method.isAnnotationPresent(PermitAll.class)) {
            return;
        }
        RequiresRole allowed = method.isAnnotationPresent(RequiresRole.class)
                ? method.getAnnotation(RequiresRole.class) : type.getAnnotation(RequiresRole.class);
        if (allowed == null && type.isAnnotationPresent(PermitAll.class)) {
            return;
        }
        context.register(new RoleCheck(allowed == null ? List.of() : List.of(allowed.value())), Priorities.AUTHORIZATION);
    }

    @Priority(Priorities.AUTHORIZATION)
    private final class RoleCheck implements ContainerRequestFilter {
        private final List<String> roles;

        RoleCheck(List<String> roles) {
            this.roles = roles;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            CallerIdentity caller = authenticate(request);
            if (caller == null) {
                throw new FaceGateException(ErrorKind.UNAUTHENTICATED, "unauthorized", "missing, invalid or expired credentials");
            }
            CallerIdentity admitted = clientAccess.admit(caller, request.getHeaderString("Origin"));
            if (roles.stream().noneMatch(admitted.roles()::contains)) {
                throw new FaceGateException(ErrorKind.FORBIDDEN, "forbidden", "these credentials may not call this endpoint");
            }
            request.setProperty(Callers.ATTRIBUTE, admitted);
        }

        private CallerIdentity authenticate(ContainerRequestContext request) {
            Principal principal = request.getSecurityContext() == null ? null : request.getSecurityContext().getUserPrincipal();
            if (principal instanceof JsonWebToken jwt) {
                return Callers.fromToken(jwt);
            }
            String apiKey = request.getHeaderString(API_KEY_HEADER);
            if (apiKey == null) {
                return null;
            }
            return authentication.identifyByApiKey(apiKey.strip(), request.getHeaderString(API_SECRET_HEADER));
        }
    }
}
