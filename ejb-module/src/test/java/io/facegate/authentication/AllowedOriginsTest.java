package io.facegate.authentication;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AllowedOriginsTest {

    @Test
    void anEmptyListAllowsEveryOrigin() {
        assertTrue(AllowedOrigins.permit("[]", "https://anything.example"));
        assertTrue(AllowedOrigins.permit(null, "https://anything.example"));
    }

    @Test
    void onlyListedOriginsAreAllowedComparedBySchemeHostAndPort() {
        String allowed = "[\"https://app.acme.example\", \"http://localhost:3000\"]";
        assertTrue(AllowedOrigins.permit(allowed, "https://app.acme.example"));
        assertTrue(AllowedOrigins.permit(allowed, "https://APP.acme.example:443"));
        assertTrue(AllowedOrigins.permit(allowed, "http://localhost:3000"));
        assertFalse(AllowedOrigins.permit(allowed, "http://app.acme.example"), "scheme differs");
        assertFalse(AllowedOrigins.permit(allowed, "https://app.acme.example:8443"), "port differs");
        assertFalse(AllowedOrigins.permit(allowed, "http://localhost:3001"));
        assertFalse(AllowedOrigins.permit(allowed, "https://evil.example"));
        assertFalse(AllowedOrigins.permit(allowed, "https://app.acme.example.evil.example"));
        assertFalse(AllowedOrigins.permit(allowed, "null"), "sandboxed pages send the origin \"null\"");
        assertFalse(AllowedOrigins.permit(allowed, "not a url"));
    }
}
