package io.facegate.web.http;

import io.facegate.system.Page;

/**
 * A listing's {@code offset} and {@code limit} query parameters. Resources take them as text and
 * parse them here: an {@code int} parameter that is not a number would be a 404 by the JAX-RS rules,
 * where the caller deserves a 400 naming the parameter.
 */
public record Paging(int offset, int limit) {

    public static Paging of(String offset, String limit) {
        return new Paging(QueryValues.number("offset", offset, 0), QueryValues.number("limit", limit, Page.DEFAULT_LIMIT));
    }
}
