package io.facegate.system;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs an EJB timer's work so that a failure never leaves the timeout method: Payara removes a
 * timer after two failed timeouts, which would end a schedule (reports, purges, session expiry) for
 * good until the next deployment. A failure is logged with the timer's name, and the timer runs
 * again at its next timeout. The timeout methods themselves run without a container transaction,
 * so that a failure inside a use case's own transaction cannot mark theirs for rollback either.
 */
public final class Timeouts {

    private Timeouts() {
    }

    /**
     * @param timer what the timer does, for the log
     * @return whether the work ended without an exception
     */
    public static boolean survive(Logger log, String timer, Runnable work) {
        try {
            work.run();
            return true;
        } catch (RuntimeException e) {
            log.log(Level.SEVERE, "Timer \"" + timer + "\" failed; it runs again at its next timeout", e);
            return false;
        }
    }
}
