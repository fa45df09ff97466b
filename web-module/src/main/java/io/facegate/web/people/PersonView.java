package io.facegate.web.people;

import io.facegate.domain.clients.ClientUser;

import java.time.Instant;
import java.util.UUID;

/**
 * Seed 004's user shape, plus {@code profile_image_url}: a presigned, time-limited link to the
 * profile picture their enrollment kept (null without one), as seed 000's users give it. A link
 * rather than the image, so that a page holding the token in memory can show it in an
 * {@code <img>}; it names one object only and expires (FACEGATE_ENROLLMENT_PROFILE_IMAGE_URL_TTL_SECONDS).
 */
public record PersonView(UUID id, String employeeId, String email, String firstName, String lastName, String role, String department,
                         boolean isActive, Instant createdAt, Instant lastLogin, boolean faceEnrolled, String profileImageUrl) {

    public static PersonView of(ClientUser person, String profileImageUrl) {
        return new PersonView(person.getId(), person.getExternalUserId(), person.getEmail(), person.getFirstName(), person.getLastName(),
                person.getRole().apiName(), person.getDepartment(), person.isActive(), person.getCreatedAt(), person.getLastLogin(),
                person.isEnrolled(), profileImageUrl);
    }

    /** What a login answers about the person (seed 004's {@code user}). */
    public record LoginUser(UUID id, String email, String role, String firstName, String lastName) {
        public static LoginUser of(ClientUser person) {
            return new LoginUser(person.getId(), person.getEmail(), person.getRole().apiName(), person.getFirstName(), person.getLastName());
        }
    }
}
