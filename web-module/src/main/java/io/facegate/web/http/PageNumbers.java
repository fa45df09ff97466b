package io.facegate.web.http;

import io.facegate.system.FaceGateException;
import io.facegate.system.Page;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;

/**
 * Seed 004's paging: {@code page} (from 1) and {@code page_size} (default {@value Page#DEFAULT_LIMIT}),
 * answered as {@code {count, next, previous, results}} with links to the neighbouring pages.
 */
public record PageNumbers(int page, int pageSize) {

    public static PageNumbers of(String page, String pageSize) {
        int number = QueryValues.number("page", page, 1);
        int size = QueryValues.number("page_size", pageSize, Page.DEFAULT_LIMIT);
        if (number < 1) {
            throw FaceGateException.invalid("invalid_page", "page must be 1 or more");
        }
        if (size < 1 || size > Page.MAX_LIMIT) {
            throw FaceGateException.invalid("invalid_page_size", "page_size must be between 1 and " + Page.MAX_LIMIT);
        }
        if ((long) (number - 1) * size > Integer.MAX_VALUE) {
            throw FaceGateException.invalid("invalid_page", "page is too large");
        }
        return new PageNumbers(number, size);
    }

    public int offset() {
        return (page - 1) * pageSize;
    }

    public <T> PagedResponse<T> response(Page<T> items, UriInfo uri) {
        String next = items.hasNext() ? link(uri, page + 1) : null;
        String previous = page > 1 ? link(uri, page - 1) : null;
        return new PagedResponse<>(items.count(), next, previous, List.copyOf(items.items()));
    }

    private String link(UriInfo uri, int number) {
        return uri.getRequestUriBuilder().replaceQueryParam("page", number).replaceQueryParam("page_size", pageSize).build().toString();
    }
}
