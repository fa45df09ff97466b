package io.facegate.maintenance;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Tells the use cases whose jobs a stop of the server cuts off ({@link JobsInterrupted}), so that
 * the jobs run again at the next start: when the application is stopped in order, the executions it
 * still runs (the runtime then fails them as the application goes, or the process ends first and
 * leaves them running); at the next start, after a crash too, the executions left running by the
 * last process ({@link InterruptedExecution}), which it marks failed so that they can be restarted.
 *
 * <p>The batch runtime has no operation for this: {@code JobOperator.stop} and {@code abandon}
 * refuse an execution it does not run itself, and {@code restart} one that is not FAILED or STOPPED.
 * So the marks are written into Payara's job repository tables ({@code executioninstancedata},
 * {@code stepexecutioninstancedata}, without a table prefix or suffix, in the application's
 * database; see {@code configure-datasource.asadmin}) as the runtime itself writes a failed end:
 * batch status, exit status, end and update times.
 */
@Stateless
public class InterruptedJobs {

    /** The exit status of an execution marked failed here, as the jobs API and the repository show it. */
    public static final String EXIT_STATUS = "INTERRUPTED BY A SERVER STOP";
    private static final Logger LOG = Logger.getLogger(InterruptedJobs.class.getName());
    private static final String LEFT_RUNNING = "('STARTING', 'STARTED', 'STOPPING')";

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    @Inject
    Event<JobsInterrupted> interrupted;

    /**
     * At a stop of the application in order: the executions this process ({@code serverStart}) still
     * runs are announced cut off now, while their owners can still record it. Their repository
     * records are left to the runtime: at the next start they are failed, or marked failed then.
     *
     * @return the executions announced
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<InterruptedExecution> announceCutOffByThisStop(Instant serverStart) {
        List<InterruptedExecution> running = leftRunning().stream().filter(e -> e.createdSince(serverStart)).toList();
        if (!running.isEmpty()) {
            LOG.info(() -> "Batch job executions cut off by this stop, to run again at the next start: " + running);
            interrupted.fire(new JobsInterrupted(running));
        }
        return running;
    }

    /**
     * Marks failed, in one transaction with what the observers of {@link JobsInterrupted} record,
     * the executions left running by a server process that started before {@code serverStart}.
     *
     * @return the executions marked failed
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<InterruptedExecution> failInterrupted(Instant serverStart) {
        List<InterruptedExecution> cutOff = leftRunning().stream().filter(e -> e.createdBefore(serverStart)).toList();
        if (cutOff.isEmpty()) {
            return cutOff;
        }
        Timestamp now = Timestamp.from(Instant.now());
        for (InterruptedExecution execution : cutOff) {
            em.createNativeQuery("update executioninstancedata set batchstatus = 'FAILED', exitstatus = ?, endtime = ?, updatetime = ?"
                            + " where jobexecid = ? and batchstatus in " + LEFT_RUNNING)
                    .setParameter(1, EXIT_STATUS).setParameter(2, now).setParameter(3, now).setParameter(4, execution.executionId())
                    .executeUpdate();
            em.createNativeQuery("update stepexecutioninstancedata set batchstatus = 'FAILED', exitstatus = ?, endtime = ?"
                            + " where jobexecid = ? and batchstatus in " + LEFT_RUNNING)
                    .setParameter(1, EXIT_STATUS).setParameter(2, now).setParameter(3, execution.executionId())
                    .executeUpdate();
        }
        LOG.info(() -> "Marked failed the batch job executions the last stop cut off: " + cutOff);
        interrupted.fire(new JobsInterrupted(cutOff));
        return cutOff;
    }

    /** The executions the repository says are running (STARTING, STARTED or STOPPING), oldest first. */
    private List<InterruptedExecution> leftRunning() {
        List<InterruptedExecution> running = new ArrayList<>();
        for (Object row : em.createNativeQuery("select e.jobexecid, i.name, e.createtime from executioninstancedata e"
                + " join jobinstancedata i on i.jobinstanceid = e.jobinstanceid where e.batchstatus in " + LEFT_RUNNING
                + " order by e.jobexecid").getResultList()) {
            Object[] columns = (Object[]) row;
            Instant created = columns[2] == null ? null : ((Timestamp) columns[2]).toInstant();
            running.add(new InterruptedExecution(((Number) columns[0]).longValue(), (String) columns[1], created));
        }
        return running;
    }
}
