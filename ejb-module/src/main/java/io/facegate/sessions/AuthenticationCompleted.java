package io.facegate.sessions;

import io.facegate.domain.sessions.SessionPurpose;

import java.time.Instant;
import java.util.UUID;

/**
 * A verification or identification session reached its decision, successful or not.
 *
 * @param clientUserId   the verified or identified person; for a failed verification the person it was about
 * @param externalUserId that person's id in the client's own system
 * @param confidence     the similarity that decided, when a face was compared
 * @param failureReason  null on success, else the session's machine-readable outcome (no_match, liveness_failed, ...)
 */
public record AuthenticationCompleted(UUID clientId, UUID sessionId, SessionPurpose purpose, boolean authenticated,
                                      UUID clientUserId, String externalUserId, Double confidence, Boolean livenessVerified,
                                      String failureReason, Instant completedAt) {
}
