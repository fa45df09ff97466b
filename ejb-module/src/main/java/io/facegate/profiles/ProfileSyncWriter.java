package io.facegate.profiles;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** Writer of the {@value ProfileSyncs#JOB} job: a chunk's templates and outcomes, in the chunk's transaction. */
@Named("profileSyncWriter")
@Dependent
public class ProfileSyncWriter extends AbstractItemWriter {

    @Inject
    JobContext job;

    @Inject
    ProfileSyncs syncs;

    @Override
    public void writeItems(List<Object> items) {
        syncs.record(job.getInstanceId(), items.stream().map(ProfileSyncs.Outcome.class::cast).toList());
    }
}
