package io.facegate.ratelimits;

import io.facegate.system.ErrorKind;
import io.facegate.system.FaceGateException;

import java.util.Map;

/** 429: the caller used up its category's requests; {@link #state()} says when to come back. */
public class RateLimitExceededException extends FaceGateException {

    private final transient RateState state;

    public RateLimitExceededException(RateCategory category, RateState state, long retryAfterSeconds) {
        super(ErrorKind.RATE_LIMITED, "rate_limited", "more than " + state.limit() + " " + category.apiName().replace('_', ' ')
                        + " requests in " + state.windowSeconds() + " s; retry in " + retryAfterSeconds + " s",
                Map.of("category", category.apiName(), "limit", state.limit(), "window_seconds", state.windowSeconds(),
                        "retry_after_seconds", retryAfterSeconds));
        this.state = state;
    }

    public RateState state() {
        return state;
    }

    public long retryAfterSeconds() {
        return ((Number) details().get("retry_after_seconds")).longValue();
    }
}
