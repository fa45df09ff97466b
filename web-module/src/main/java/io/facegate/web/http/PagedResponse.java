package io.facegate.web.http;

import io.facegate.system.Page;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;

/** Seed 000/004 list shape: {@code {count, next, previous, results}}, links keep the query's filters. */
public record PagedResponse<T>(long count, String next, String previous, List<T> results) {

    public static <T> PagedResponse<T> of(Page<T> page, UriInfo uri) {
        String next = page.hasNext() ? link(uri, page.offset() + page.limit(), page.limit()) : null;
        String previous = page.hasPrevious() ? link(uri, Math.max(0, page.offset() - page.limit()), page.limit()) : null;
        return new PagedResponse<>(page.count(), next, previous, page.items());
    }

    private static String link(UriInfo uri, int offset, int limit) {
        return uri.getRequestUriBuilder()
                .replaceQueryParam("offset", offset)
                .replaceQueryParam("limit", limit)
                .build().toString();
    }
}
