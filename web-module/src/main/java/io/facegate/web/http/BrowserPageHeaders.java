package io.facegate.web.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.net.URI;

/**
 * Security headers for the browser files FaceGate serves itself (the demo page, the console, their
 * shared stylesheet and the client library): only FaceGate's own scripts, styles and connections (the API and its WebSocket),
 * the camera for this origin alone, no framing, and no referrer, so an API key given in the demo's
 * address never leaves in a Referer header. Revalidated on every load, so an upgrade is picked up.
 * The console also shows pictures from the object storage (presigned URLs of face crops and profile
 * images), so its images may come from the S3 endpoint's origin too.
 */
@WebFilter(filterName = "BrowserPageHeaders", urlPatterns = {"/demo/*", "/js/*", "/css/*", "/console/*"})
public class BrowserPageHeaders extends HttpFilter {

    static final String CONTENT_SECURITY_POLICY = policy("");

    @Inject
    @ConfigProperty(name = "facegate.s3.endpoint")
    String objectStorageEndpoint;

    private String consolePolicy;

    @Override
    public void init() throws ServletException {
        URI storage = URI.create(objectStorageEndpoint);
        consolePolicy = policy(" " + storage.getScheme() + "://" + storage.getAuthority());
    }

    private static String policy(String extraImageSources) {
        return "default-src 'none'; script-src 'self'; style-src 'self'; "
                + "img-src 'self' data: blob:" + extraImageSources + "; media-src 'self' blob: mediastream:; connect-src 'self'; "
                + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean console = request.getRequestURI().startsWith(request.getContextPath() + "/console/");
        response.setHeader("Content-Security-Policy", console ? consolePolicy : CONTENT_SECURITY_POLICY);
        response.setHeader("Permissions-Policy", "camera=(self), microphone=(), geolocation=()");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Cache-Control", "no-cache");
        if (request.getRequestURI().startsWith(request.getContextPath() + "/js/")) {
            // The client library is public: an integrator's page on another origin may import it as a module.
            response.setHeader("Access-Control-Allow-Origin", "*");
        }
        chain.doFilter(request, response);
    }
}
