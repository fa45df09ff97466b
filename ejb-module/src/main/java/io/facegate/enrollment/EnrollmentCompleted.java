package io.facegate.enrollment;

import java.time.Instant;
import java.util.UUID;

/**
 * A person's face was enrolled (or re-enrolled): their new template is stored. Fired inside the
 * enrolling transaction; observers that act on it outside the database observe it after commit.
 *
 * @param sessionId the enrollment session, or null when the face came from elsewhere (an import)
 */
public record EnrollmentCompleted(UUID clientId, UUID clientUserId, String externalUserId, UUID sessionId, int samples,
                                  Instant completedAt) {
}
