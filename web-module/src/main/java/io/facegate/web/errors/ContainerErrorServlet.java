package io.facegate.web.errors;

import jakarta.json.bind.Jsonb;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.facegate.web.http.JsonConfiguration;

import java.io.IOException;
import java.util.Map;

/**
 * The error page for errors the servlet container raises itself (the JWT mechanism's 401, unknown
 * paths, oversized requests): the same JSON as {@link ApiError}, never an HTML page.
 */
@WebServlet(name = "ContainerErrorServlet", urlPatterns = "/error")
public class ContainerErrorServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int raised = code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
        // A method the static-file servlet does not implement (PATCH /demo/, or an API path that
        // ../ took outside /api) is the caller's mistake, not a server fault.
        int status = raised == HttpServletResponse.SC_NOT_IMPLEMENTED ? HttpServletResponse.SC_METHOD_NOT_ALLOWED : raised;
        String message = switch (status) {
            case 401 -> "missing, invalid or expired credentials";
            case 403 -> "not allowed for these credentials";
            case 404 -> "no such resource";
            case 405 -> "method not allowed on this resource";
            case 413 -> "request body too large";
            default -> status >= 500 ? "unexpected server error" : "request refused";
        };
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        if (status == 401) {
            response.setHeader("WWW-Authenticate", ApiError.BEARER_CHALLENGE);
        }
        Jsonb jsonb = JsonConfiguration.jsonb();
        response.getWriter().write(jsonb.toJson(new ApiError(ApiError.codeFor(status), message, Map.of())));
    }
}
