package io.facegate.web.authentication;

import io.facegate.system.ErrorKind;
import io.facegate.system.FaceGateException;
import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.lang.reflect.Method;
import java.util.List;

/**
 * Enforces {@code @RolesAllowed} / {@code @PermitAll} on every resource method, failing closed: a
 * method with neither (on itself or its class) is refused to everyone. Payara Server does not
 * enforce {@code @RolesAllowed} on JAX-RS resources in an EAR by itself, so this is the guard.
 */
@Provider
public class AccessControl implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        Class<?> type = resource.getResourceClass();
        if (method.isAnnotationPresent(PermitAll.class)) {
            return;
        }
        RolesAllowed allowed = method.isAnnotationPresent(RolesAllowed.class)
                ? method.getAnnotation(RolesAllowed.class) : type.getAnnotation(RolesAllowed.class);
        if (allowed == null && type.isAnnotationPresent(PermitAll.class)) {
            return;
        }
        context.register(new RoleCheck(allowed == null ? List.of() : List.of(allowed.value())));
    }

    @Priority(Priorities.AUTHORIZATION)
    private static final class RoleCheck implements ContainerRequestFilter {
        private final List<String> roles;

        RoleCheck(List<String> roles) {
            this.roles = roles;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            SecurityContext security = request.getSecurityContext();
            if (security == null || security.getUserPrincipal() == null) {
                throw new FaceGateException(ErrorKind.UNAUTHENTICATED, "unauthorized", "missing, invalid or expired credentials");
            }
            if (roles.stream().noneMatch(role -> hasRole(security, role))) {
                throw new FaceGateException(ErrorKind.FORBIDDEN, "forbidden", "these credentials may not call this endpoint");
            }
        }

        private static boolean hasRole(SecurityContext security, String role) {
            if (security.getUserPrincipal() instanceof JsonWebToken jwt) {
                return jwt.getGroups() != null && jwt.getGroups().contains(role);
            }
            return security.isUserInRole(role);
        }
    }
}
