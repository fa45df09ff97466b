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
@DeclareRoles({Roles.ADMIN, Roles.CLIENT, Roles.SESSION, Roles.TENANT_ADMIN, Roles.STAFF, Roles.MEMBER, Roles.PERSON})
@OpenAPIDefinition(
        info = @Info(title = "FaceGate API", version = "0.1.0",
                description = "Self-hosted, multi-tenant face recognition and liveness. "
                        + "Exchange your API key and secret for a JWT at POST /api/core/auth/client/, "
                        + "then send it as `Authorization: Bearer <jwt>`."),
        security = {@SecurityRequirement(name = FaceGateApi.CLIENT_TOKEN), @SecurityRequirement(name = FaceGateApi.CLIENT_KEY)},
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
                @Tag(name = "Legacy Recognition", description = "Deprecated endpoints kept for old integrations"),
                @Tag(name = "Facial Profiles", description = "Seed 002: people's face sources (photo URL, photo, or FaceGate embedding) and their bulk sync into templates as a Jakarta Batch job"),
                @Tag(name = "People", description = "Seed 004: a client's people with their roles (admin, faculty, student) and logins"),
                @Tag(name = "Face Tasks", description = "Seed 004: asynchronous enrollment and verification tasks"),
                @Tag(name = "Attendance", description = "Seed 004: attendance logs, summaries, manual marks and settings"),
                @Tag(name = "Mobile", description = "Seed 004: the logged-in person's profile and check-in"),
                @Tag(name = "Security", description = "Seed 004: the client's append-only audit log")
        })
@SecuritySchemes({
        @SecurityScheme(securitySchemeName = FaceGateApi.CLIENT_TOKEN, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
                description = "A client's access token from POST /api/core/auth/client/ (API key and secret): everything of its tenant"),
        @SecurityScheme(securitySchemeName = FaceGateApi.CLIENT_KEY, type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
                apiKeyName = "X-API-Key", description = "The API key header; with X-API-Secret as well it acts as the client's access token, "
                + "alone as a browser token"),
        @SecurityScheme(securitySchemeName = FaceGateApi.BROWSER_TOKEN, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
                description = "A browser token from POST /api/auth/client/ with the API key alone (or X-API-Key without the secret): "
                        + "may only open sessions and send their frames"),
        @SecurityScheme(securitySchemeName = FaceGateApi.PERSON_TOKEN, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
                description = "A person's access token from POST /api/v1/auth/login/ (email and password): what it may do follows "
                        + "the person's current role (admin: the tenant's attendance; faculty: their department's; student: their own)"),
        @SecurityScheme(securitySchemeName = FaceGateApi.OPERATOR_TOKEN, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
                description = "The operator's token from POST /api/core/auth/admin/: manages clients and jobs, sees no tenant data")
})
public class FaceGateApi extends Application {

    /**
     * Security scheme names, one per kind of caller: an operation's security list says who may call
     * it, and a unit test keeps each list equal to the roles its resource requires.
     */
    public static final String CLIENT_TOKEN = "bearer";
    public static final String CLIENT_KEY = "apiKey";
    public static final String BROWSER_TOKEN = "browserToken";
    public static final String OPERATOR_TOKEN = "operatorToken";
    public static final String PERSON_TOKEN = "personToken";
    /**
     * Marks an operation anyone may call (an empty security list would say so, but Payara leaves it
     * out of the document, where it reads as "the default security").
     */
    public static final String ANONYMOUS = "x-facegate-anonymous";
}
