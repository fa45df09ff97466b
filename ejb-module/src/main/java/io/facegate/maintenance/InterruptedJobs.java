package io.facegate.maintenance;

import jakarta.batch.runtime.BatchStatus;
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
 * Marks failed the job executions that the last stop cut off ({@link InterruptedExecution}), so that
 * they can be restarted, and tells the use cases whose jobs they ran ({@link JobsInterrupted}).
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
     * Marks failed, in one transaction with what the observers of {@link JobsInterrupted} record,
     * the executions left running by a server process that started before {@code serverStart}.
     *
     * @return the executions marked failed
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<InterruptedExecution> failInterrupted(Instant serverStart) {
        List<InterruptedExecution> cutOff = new ArrayList<>();
        List<?> rows = em.createNativeQuery("select e.jobexecid, i.name, e.createtime, e.batchstatus from executioninstancedata e"
                + " join jobinstancedata i on i.jobinstanceid = e.jobinstanceid where e.batchstatus in " + LEFT_RUNNING
                + " order by e.jobexecid").getResultList();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            Instant created = columns[2] == null ? null : ((Timestamp) columns[2]).toInstant();
            if (InterruptedExecution.cutOff(BatchStatus.valueOf((String) columns[3]), created, serverStart)) {
                cutOff.add(new InterruptedExecution(((Number) columns[0]).longValue(), (String) columns[1], created));
            }
        }
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
}
