package io.facegate.sessions;

import io.facegate.domain.sessions.SessionPurpose;

import java.time.Instant;
import java.util.UUID;

/**
 * A session's frames looked like a presentation attack (a photo, a screen, a frozen face): fired
 * once per session, on the frame that first raised the suspicion.
 */
public record SpoofSuspected(UUID clientId, UUID sessionId, SessionPurpose purpose, UUID clientUserId, Double livenessScore,
                             Instant detectedAt) {
}
