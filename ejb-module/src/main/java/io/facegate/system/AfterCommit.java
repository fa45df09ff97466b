package io.facegate.system;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs work once the current transaction has committed: deleting an S3 object or updating an
 * in-memory index must not happen for a change the database then rolls back.
 */
@ApplicationScoped
public class AfterCommit {

    private static final Logger LOG = Logger.getLogger(AfterCommit.class.getName());

    @Resource
    TransactionSynchronizationRegistry transactions;

    public void run(String what, Runnable work) {
        onOutcome(what, true, work);
    }

    /** Undoes, after a rollback, what the transaction did outside the database (an uploaded object). */
    public void runOnRollback(String what, Runnable work) {
        onOutcome(what, false, work);
    }

    private void onOutcome(String what, boolean onCommit, Runnable work) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the outcome is known
            }

            @Override
            public void afterCompletion(int status) {
                if ((status == Status.STATUS_COMMITTED) != onCommit) {
                    return;
                }
                try {
                    work.run();
                } catch (RuntimeException e) {
                    // The commit stands; what failed here is logged for the operator to retry.
                    LOG.log(Level.WARNING, "after-transaction step failed: " + what, e);
                }
            }
        });
    }
}
