package io.facegate.sessions;

import io.facegate.domain.clients.ClientUser;
import io.facegate.domain.sessions.FaceSession;

/** A new session and its bearer token, which exists only here: the database keeps its hash. */
public record OpenedSession(FaceSession session, String token, ClientUser user) {
}
