package io.facegate.web;

import io.facegate.authentication.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The JAX-RS application under {@code /api}. A CDI bean, or MicroProfile JWT cannot inject the
 * token (WELD-001408 on Payara).
 */
@ApplicationScoped
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT", realmName = "facegate")
@DeclareRoles({Roles.ADMIN, Roles.CLIENT, Roles.SESSION})
@OpenAPIDefinition(
        info = @Info(title = "FaceGate API", version = "0.1.0",
                description = "Self-hosted, multi-tenant face recognition and liveness. "
                        + "Exchange your API key and secret for a JWT at POST /api/core/auth/client/, "
                        + "then send it as `Authorization: Bearer <jwt>`."),
        security = {@SecurityRequirement(name = "bearer")},
        tags = {
                @Tag(name = "Authentication", description = "Client and admin authentication, JWT issue and refresh"),
                @Tag(name = "Client Management", description = "Clients (tenants) and their users"),
                @Tag(name = "Face Enrollment", description = "Session-based enrollment of a user's face"),
                @Tag(name = "Face Authentication", description = "Session-based 1:1 verification and 1:N identification"),
                @Tag(name = "Cameras", description = "IP cameras (ESP32 MJPEG, JPEG snapshot, RTSP) polled by the server: registration, tests, health, live preview"),
                @Tag(name = "Detections", description = "Faces the cameras saw, recognised or not, with snapshots"),
                @Tag(name = "System", description = "Health, status and configuration"),
                @Tag(name = "Analytics", description = "Usage metrics, audit logs and performance data"),
                @Tag(name = "Webhooks", description = "Webhook configurations, deliveries and logs"),
                @Tag(name = "Legacy Recognition", description = "Deprecated endpoints kept for old integrations")
        })
@SecuritySchemes({
        @SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT"),
        @SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER, apiKeyName = "X-API-Key")
})
public class FaceGateApi extends Application {
}
