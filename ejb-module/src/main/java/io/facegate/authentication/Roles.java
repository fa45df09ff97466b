package io.facegate.authentication;

/** Role names used in {@code @RolesAllowed} and in the JWT {@code groups} claim. */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String CLIENT = "client";
    public static final String SESSION = "session";

    private Roles() {
    }
}
