package io.facegate.domain.clients;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a person is in their organisation (seed 004's {@code role}): a tenant admin, staff who
 * read their department's attendance, or a member who sees only their own.
 */
public enum PersonRole {
    /** Seed 004's {@code admin}: everything of the tenant's attendance. */
    ADMIN,
    /** Seed 004's {@code faculty}: staff; reads the attendance of their department. */
    FACULTY,
    /** Seed 004's {@code student}: a member; sees only their own attendance. */
    STUDENT;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PersonRole> fromApiName(String name) {
        return Arrays.stream(values()).filter(r -> r.apiName().equalsIgnoreCase(name == null ? "" : name.strip())).findFirst();
    }
}
