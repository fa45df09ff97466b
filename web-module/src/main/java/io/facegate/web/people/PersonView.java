package io.facegate.web.people;

import io.facegate.domain.clients.ClientUser;

import java.time.Instant;
import java.util.UUID;

/** Seed 004's user shape. */
public record PersonView(UUID id, String employeeId, String email, String firstName, String lastName, String role, String department,
                         boolean isActive, Instant createdAt, Instant lastLogin, boolean faceEnrolled) {

    public static PersonView of(ClientUser person) {
        return new PersonView(person.getId(), person.getExternalUserId(), person.getEmail(), person.getFirstName(), person.getLastName(),
                person.getRole().apiName(), person.getDepartment(), person.isActive(), person.getCreatedAt(), person.getLastLogin(),
                person.isEnrolled());
    }

    /** What a login answers about the person (seed 004's {@code user}). */
    public record LoginUser(UUID id, String email, String role, String firstName, String lastName) {
        public static LoginUser of(ClientUser person) {
            return new LoginUser(person.getId(), person.getEmail(), person.getRole().apiName(), person.getFirstName(), person.getLastName());
        }
    }
}
