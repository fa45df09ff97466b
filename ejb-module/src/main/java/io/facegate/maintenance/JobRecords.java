package io.facegate.maintenance;

import io.facegate.system.FaceGateException;
import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

/**
 * Job executions as the job repository in PostgreSQL records them, whichever deployment started
 * them. The batch runtime's {@code JobOperator} shows an execution only to the deployment that
 * started it, and {@code ./facegate start} (or a restart after a stop) deploys the application
 * again: a job's owner that must still read its runs afterwards (a profile sync's state, the
 * parameters to resume it with) reads them here. Tables as in {@link InterruptedJobs}.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class JobRecords {

    /**
     * The batch runtime stores an execution's parameters as a serialized {@link Properties}: read back
     * with nothing but what a Properties of strings is made of.
     */
    private static final ObjectInputFilter PROPERTIES_ONLY = ObjectInputFilter.Config.createFilter(
            "java.util.Properties;java.util.Hashtable;java.util.Map$Entry;java.lang.String;maxdepth=3;maxrefs=10000;!*");

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    /** One execution: its status, exit status, when it was created and ended (null while running), its job parameters. */
    public record JobRecord(long executionId, BatchStatus batchStatus, String exitStatus, Instant createdAt, Instant endedAt,
                            Properties parameters) {
    }

    /** @throws FaceGateException not found when the repository has no such execution */
    public JobRecord of(long executionId) {
        List<?> rows = em.createNativeQuery("select batchstatus, exitstatus, createtime, endtime, parameters from executioninstancedata"
                + " where jobexecid = ?").setParameter(1, executionId).getResultList();
        if (rows.isEmpty()) {
            throw FaceGateException.notFound("job execution");
        }
        Object[] row = (Object[]) rows.get(0);
        return new JobRecord(executionId, BatchStatus.valueOf((String) row[0]), (String) row[1], instant(row[2]), instant(row[3]),
                parameters((byte[]) row[4]));
    }

    static Properties parameters(byte[] serialized) {
        if (serialized == null) {
            return new Properties();
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(serialized))) {
            in.setObjectInputFilter(PROPERTIES_ONLY);
            return (Properties) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new IllegalStateException("the job repository holds parameters that are not a Properties of strings", e);
        }
    }

    private static Instant instant(Object timestamp) {
        return timestamp == null ? null : ((Timestamp) timestamp).toInstant();
    }
}
