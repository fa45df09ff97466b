package io.facegate.authentication;

import io.facegate.domain.clients.PersonRole;

import java.util.List;

/** Role names: what {@code RequiresRole} on a resource asks for, and what the JWT {@code groups} claim grants. */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String CLIENT = "client";
    public static final String SESSION = "session";
    /** Seed 004's admin: manages the tenant's people, face tasks, manual marks and attendance settings. */
    public static final String TENANT_ADMIN = "tenant_admin";
    /** Reads attendance summaries (a faculty member: of their department only). */
    public static final String STAFF = "staff";
    /** Reads attendance logs, as far as they may see them (a student: their own only). */
    public static final String MEMBER = "member";
    /** A person logged in with their own password: their profile, check-in and logout. */
    public static final String PERSON = "person";

    private Roles() {
    }

    /** What a logged-in person may do, by their current role. */
    public static List<String> ofPerson(PersonRole role) {
        return switch (role) {
            case ADMIN -> List.of(TENANT_ADMIN, STAFF, MEMBER, PERSON);
            case FACULTY -> List.of(STAFF, MEMBER, PERSON);
            case STUDENT -> List.of(MEMBER, PERSON);
        };
    }
}
