package io.facegate.people;

import io.facegate.domain.clients.PersonRole;

/** Seed 004's filters of the people listing; null fields do not filter. {@code search} matches names, email and employee id. */
public record PersonFilter(PersonRole role, String department, String search) {
}
