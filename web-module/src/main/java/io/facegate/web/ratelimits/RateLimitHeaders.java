package io.facegate.web.ratelimits;

import io.facegate.ratelimits.RateState;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * The IETF draft's {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset}
 * (seconds until the whole limit is back), plus {@code RateLimit-Policy} ({@code 5;w=60}).
 */
public final class RateLimitHeaders {

    private RateLimitHeaders() {
    }

    public static void add(Response.ResponseBuilder response, RateState state) {
        response.header("RateLimit-Limit", state.limit())
                .header("RateLimit-Remaining", state.remaining())
                .header("RateLimit-Reset", state.resetSeconds())
                .header("RateLimit-Policy", policy(state));
    }

    public static void add(MultivaluedMap<String, Object> headers, RateState state) {
        headers.putSingle("RateLimit-Limit", state.limit());
        headers.putSingle("RateLimit-Remaining", state.remaining());
        headers.putSingle("RateLimit-Reset", state.resetSeconds());
        headers.putSingle("RateLimit-Policy", policy(state));
    }

    private static String policy(RateState state) {
        return state.limit() + ";w=" + state.windowSeconds();
    }
}
