package io.facegate.web.authentication;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles (any of) a resource class or method needs, enforced by {@link AccessControl}.
 * FaceGate's own annotation rather than {@code @RolesAllowed}: Payara attaches its JWT-only
 * {@code @RolesAllowed} filter to JAX-RS resources, which would refuse {@code X-API-Key} callers.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresRole {
    String[] value();
}
