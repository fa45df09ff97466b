package io.facegate.authentication;

import io.facegate.domain.clients.ClientUser;

/** A person's successful login or refresh: their tokens and who they are. */
public record PersonLogin(TokenPair tokens, ClientUser person) {
}
