package io.facegate.system;

import java.util.List;
import java.util.function.Function;

/** One page of a longer result: the items plus how many there are in all. */
public record Page<T>(long count, int offset, int limit, List<T> items) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 200;

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(count, offset, limit, items.stream().map(mapper).toList());
    }

    public boolean hasNext() {
        return offset + items.size() < count;
    }

    public boolean hasPrevious() {
        return offset > 0;
    }

    /** Checks caller-supplied paging values. */
    public static void validate(int offset, int limit) {
        if (offset < 0) {
            throw FaceGateException.invalid("invalid_offset", "offset must be >= 0");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw FaceGateException.invalid("invalid_limit", "limit must be between 1 and " + MAX_LIMIT);
        }
    }
}
