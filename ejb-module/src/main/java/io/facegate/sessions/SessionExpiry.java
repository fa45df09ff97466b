package io.facegate.sessions;

import io.facegate.system.Timeouts;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/**
 * Expires idle sessions every minute, so an abandoned session is closed (and its in-memory
 * progress freed) even if its token is never presented again.
 */
@Singleton
public class SessionExpiry {

    private static final Logger LOG = Logger.getLogger(SessionExpiry.class.getName());

    @Inject
    FaceSessions sessions;

    @Schedule(hour = "*", minute = "*", persistent = false, info = "expire-idle-sessions")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void expireIdle() {
        Timeouts.survive(LOG, "expire-idle-sessions", () -> {
            int expired = sessions.expireIdle();
            if (expired > 0) {
                LOG.fine(() -> "Expired " + expired + " idle sessions");
            }
        });
    }
}
