package io.facegate.authentication;

/** An access token with the refresh token that can replace it. */
public record TokenPair(IssuedToken access, IssuedToken refresh) {
}
