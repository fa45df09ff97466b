package io.facegate.web.clients;

import io.facegate.domain.clients.ClientUser;
import io.facegate.web.http.JsonDocuments;
import jakarta.json.JsonObject;

import java.time.Instant;
import java.util.UUID;

/** Seed 000's ClientUser shape. */
public record ClientUserView(UUID id, String externalUserId, String displayName, boolean isEnrolled,
                             String profileImageUrl, Instant enrollmentCompletedAt, JsonObject metadata,
                             Instant createdAt, Instant updatedAt) {

    public static ClientUserView of(ClientUser user, String profileImageUrl) {
        return new ClientUserView(user.getId(), user.getExternalUserId(), user.getDisplayName(), user.isEnrolled(),
                profileImageUrl, user.getEnrollmentCompletedAt(), JsonDocuments.object(user.getMetadata()),
                user.getCreatedAt(), user.getUpdatedAt());
    }
}
