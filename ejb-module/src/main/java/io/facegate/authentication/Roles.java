package io.facegate.authentication;

/** Role names: what {@code RequiresRole} on a resource asks for, and what the JWT {@code groups} claim grants. */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String CLIENT = "client";
    public static final String SESSION = "session";

    private Roles() {
    }
}
