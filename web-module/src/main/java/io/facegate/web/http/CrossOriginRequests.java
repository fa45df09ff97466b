package io.facegate.web.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Set;

/**
 * CORS for the endpoints a browser calls with a client's public API key (seed 003: get a browser
 * token, open a session, send frames), so that an integrator's page on its own origin can use them.
 * Any origin passes the browser's preflight and may read the answer; whether the page may act is
 * decided per client, in the use-case tier, by its {@code allowed_origins} (a page not among them
 * gets a 403 {@code origin_not_allowed} it can read). No cookies are involved, so credentials are
 * never allowed. Every other API path stays same-origin: a page cannot call them across origins.
 */
@WebFilter(filterName = "CrossOriginRequests", urlPatterns = "/api/*", asyncSupported = true) // the event stream is asynchronous
public class CrossOriginRequests extends HttpFilter {

    /** Below /api/, without slashes: seed 001's paths and seed 000's aliases of them. */
    static final Set<String> BROWSER_PATHS = Set.of("auth/client", "auth/enrollment", "auth/authentication", "auth/process-image",
            "enrollment/create", "auth/face/create", "auth/face/process-frame");
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, X-API-Key";
    static final long PREFLIGHT_MAX_AGE_SECONDS = 600;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        if (origin == null || !isBrowserPath(request)) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Access-Control-Allow-Origin", origin);
        response.addHeader("Vary", "Origin");
        if ("OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null) {
            response.setHeader("Access-Control-Allow-Methods", "POST, OPTIONS");
            response.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
            response.setHeader("Access-Control-Max-Age", String.valueOf(PREFLIGHT_MAX_AGE_SECONDS));
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        response.setHeader("Access-Control-Expose-Headers", "Location");
        chain.doFilter(request, response);
    }

    private static boolean isBrowserPath(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String below = path.startsWith("/api/") ? path.substring("/api/".length()) : "";
        return BROWSER_PATHS.contains(below.replaceAll("/+$", ""));
    }
}
