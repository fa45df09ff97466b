package io.facegate.sessions;

/**
 * What a client asks for when it opens a session (seed 001 and 003 fields; null means "default").
 *
 * @param userId          the client's own id for the person; required for enrollment and verification
 * @param sessionType     seed 001's device kind (webcam, mobile, api) or, as seed 000 sends it, the
 *                        purpose (enrollment, verification, identification)
 * @param displayName     for a person enrolled for the first time
 * @param metadataJson    the request's {@code metadata} object, stored with the session
 */
public record SessionRequest(String userId, String sessionType, String displayName, Boolean requireLiveness,
                             Integer targetSamples, Integer minFramesRequired, Integer requiredBlinks, String metadataJson) {
}
