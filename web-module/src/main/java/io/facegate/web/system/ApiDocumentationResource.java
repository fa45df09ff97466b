package io.facegate.web.system;

import io.facegate.web.FaceGateApi;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OpenAPI document at {@code /api/schema/} (seed 001) and Swagger UI at
 * {@code /api/schema/swagger-ui/}. Payara Server publishes MicroProfile OpenAPI per server at
 * {@code /openapi}; this serves the same document under the API's own path.
 */
@Path("schema")
@PermitAll
@Tag(name = "System")
@SecurityRequirements
public class ApiDocumentationResource {

    private static final String SWAGGER_UI = "META-INF/resources/webjars/swagger-ui/5.32.14/";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, String> DOCUMENTS = new ConcurrentHashMap<>();
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html", "js", "application/javascript", "css", "text/css", "png", "image/png",
            "json", "application/json", "map", "application/json");

    @Context
    HttpServletRequest request;

    @GET
    @Produces({"application/yaml", MediaType.APPLICATION_JSON})
    @Extension(name = FaceGateApi.ANONYMOUS, value = "true")
    @Operation(summary = "The OpenAPI document (YAML by default, JSON with ?format=json or Accept: application/json)")
    public Response document(@QueryParam("format") String format) {
        String accept = request.getHeader("Accept");
        boolean json = "json".equalsIgnoreCase(format) || (format == null && accept != null && accept.contains("application/json"));
        String type = json ? MediaType.APPLICATION_JSON : "application/yaml";
        String body = DOCUMENTS.computeIfAbsent(type, this::fetch);
        return Response.ok(body, type).build();
    }

    @GET
    @Path("swagger-ui")
    @Operation(hidden = true)
    public Response swaggerUiRoot() {
        // index.html links its assets relatively, so it must be served from a path ending in '/'.
        if (!request.getRequestURI().endsWith("/")) {
            return Response.status(Response.Status.MOVED_PERMANENTLY).header("Location", request.getRequestURI() + "/").build();
        }
        return swaggerUi("index.html");
    }

    @GET
    @Path("swagger-ui/{file}")
    @Operation(hidden = true)
    public Response swaggerUi(@PathParam("file") String file) {
        if ("swagger-initializer.js".equals(file)) {
            String script = "window.onload = function() { window.ui = SwaggerUIBundle({ url: '/api/schema/?format=json',"
                    + " dom_id: '#swagger-ui', deepLinking: true, presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],"
                    + " plugins: [SwaggerUIBundle.plugins.DownloadUrl], layout: 'StandaloneLayout' }); };";
            return Response.ok(script, "application/javascript").build();
        }
        if (file.contains("..") || file.contains("/")) {
            return Response.status(404).build();
        }
        InputStream content = Thread.currentThread().getContextClassLoader().getResourceAsStream(SWAGGER_UI + file);
        if (content == null) {
            return Response.status(404).build();
        }
        String extension = file.substring(file.lastIndexOf('.') + 1);
        return Response.ok(content, TYPES.getOrDefault(extension, "application/octet-stream")).build();
    }

    private String fetch(String type) {
        URI uri = URI.create("http://127.0.0.1:" + request.getLocalPort() + "/openapi");
        try {
            // Payara answers JSON to Accept: application/json and YAML (as text/plain) otherwise.
            String accept = MediaType.APPLICATION_JSON.equals(type) ? type : MediaType.TEXT_PLAIN;
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).header("Accept", accept)
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("OpenAPI document unavailable: HTTP " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("OpenAPI document unavailable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
