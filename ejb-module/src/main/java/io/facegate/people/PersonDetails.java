package io.facegate.people;

import io.facegate.domain.clients.PersonRole;

/**
 * Seed 004's attributes of a person, as given in a request: null means "not given" (on creation:
 * the default; on update: unchanged).
 *
 * @param password in clear, only on its way to the hash
 */
public record PersonDetails(String employeeId, String email, String firstName, String lastName, PersonRole role, String department,
                            String password, Boolean active) {

    @Override
    public String toString() {
        return "PersonDetails[employeeId=" + employeeId + ", email=" + email + ", role=" + role + ", department=" + department
                + ", password=" + (password == null ? "null" : "***") + ", active=" + active + "]";
    }
}
