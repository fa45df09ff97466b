package io.facegate.authentication;

import java.time.Instant;

/** A signed token and when it stops being accepted. */
public record IssuedToken(String token, Instant expiresAt) {
}
