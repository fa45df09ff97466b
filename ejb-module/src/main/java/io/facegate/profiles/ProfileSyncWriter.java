package io.facegate.profiles;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;
import java.util.UUID;

/** Writer of the {@value ProfileSyncs#JOB} job: a chunk's templates and outcomes, in the chunk's transaction. */
@Named("profileSyncWriter")
@Dependent
public class ProfileSyncWriter extends AbstractItemWriter {

    @Inject
    @BatchProperty
    String syncId;

    @Inject
    ProfileSyncs syncs;

    @Override
    public void writeItems(List<Object> items) {
        syncs.record(UUID.fromString(syncId), items.stream().map(ProfileSyncs.Outcome.class::cast).toList());
    }
}
