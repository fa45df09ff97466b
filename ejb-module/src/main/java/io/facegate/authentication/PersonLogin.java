package io.facegate.authentication;

import io.facegate.domain.clients.ClientUser;
import io.facegate.ratelimits.RateState;

/** A person's successful login or refresh: their tokens, who they are, and what is left of their authentication rate limit. */
public record PersonLogin(TokenPair tokens, ClientUser person, RateState rate) {
}
