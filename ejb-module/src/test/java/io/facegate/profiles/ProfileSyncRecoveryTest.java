package io.facegate.profiles;

import io.facegate.maintenance.InterruptedJobs;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which runs a starting server resumes: those the last stop or crash cut off, not its own, not finished or stopped ones. */
class ProfileSyncRecoveryTest {

    private static final Instant SERVER_START = Instant.parse("2026-11-30T01:00:00Z");
    private static final Instant BEFORE = SERVER_START.minusSeconds(60);
    private static final Instant AFTER = SERVER_START.plusSeconds(10);

    @Test
    void aRunTheRepositoryStillCallsRunningAfterACrashIsResumed() {
        assertTrue(ProfileSyncs.cutOffByTheLastStop(execution(BatchStatus.STARTED, BEFORE, null), 0, SERVER_START));
        assertTrue(ProfileSyncs.cutOffByTheLastStop(execution(BatchStatus.STARTING, BEFORE, null), 5, SERVER_START));
    }

    @Test
    void aRunThatFailedWhenTheServerStoppedIsResumedAFewTimesAtMost() {
        assertTrue(ProfileSyncs.cutOffByTheLastStop(execution(BatchStatus.FAILED, BEFORE, BEFORE.plusSeconds(5)), 0, SERVER_START));
        assertFalse(ProfileSyncs.cutOffByTheLastStop(execution(BatchStatus.FAILED, BEFORE, BEFORE.plusSeconds(5)),
                ProfileSyncs.MAX_AUTOMATIC_RESUMPTIONS, SERVER_START));
    }

    @Test
    void thisServersOwnRunsFinishedRunsAndStoppedRunsAreLeftAlone() {
        assertFalse(ProfileSyncs.cutOffByTheLastStop(execution(BatchStatus.STARTED, AFTER, null), 0, SERVER_START));
        assertFalse(ProfileSyncs.cutOffByTheLastStop(execution(BatchStatus.COMPLETED, BEFORE, BEFORE.plusSeconds(5)), 0, SERVER_START));
        assertFalse(ProfileSyncs.cutOffByTheLastStop(execution(BatchStatus.STOPPED, BEFORE, AFTER), 0, SERVER_START));
    }

    @Test
    void aRunMarkedInterruptedAtStartUpIsStillGoingUntilItsResumption() {
        JobExecution interrupted = execution(BatchStatus.FAILED, BEFORE, AFTER, InterruptedJobs.EXIT_STATUS);
        assertTrue(ProfileSyncs.awaitsResumption(interrupted, 0));
        assertFalse(ProfileSyncs.awaitsResumption(interrupted, ProfileSyncs.MAX_AUTOMATIC_RESUMPTIONS), "no more automatic resumptions");
        assertFalse(ProfileSyncs.awaitsResumption(execution(BatchStatus.FAILED, BEFORE, AFTER), 0), "failed for its own reasons");
    }

    private static JobExecution execution(BatchStatus status, Instant created, Instant ended) {
        return execution(status, created, ended, status.name());
    }

    private static JobExecution execution(BatchStatus status, Instant created, Instant ended, String exitStatus) {
        return new JobExecution() {
            @Override
            public long getExecutionId() {
                return 1;
            }

            @Override
            public String getJobName() {
                return ProfileSyncs.JOB;
            }

            @Override
            public BatchStatus getBatchStatus() {
                return status;
            }

            @Override
            public Date getStartTime() {
                return Date.from(created);
            }

            @Override
            public Date getEndTime() {
                return ended == null ? null : Date.from(ended);
            }

            @Override
            public String getExitStatus() {
                return exitStatus;
            }

            @Override
            public Date getCreateTime() {
                return Date.from(created);
            }

            @Override
            public Date getLastUpdatedTime() {
                return Date.from(ended == null ? created : ended);
            }

            @Override
            public Properties getJobParameters() {
                return new Properties();
            }
        };
    }
}
