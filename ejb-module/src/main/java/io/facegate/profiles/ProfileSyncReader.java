package io.facegate.profiles;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

/**
 * Reader of the {@value ProfileSyncs#JOB} job: the ids of the scope's profiles this sync has not
 * done yet, in id order, a page at a time. The sync's committed items are its real checkpoint (a
 * run resumed after a crash reads only what no chunk recorded); within a run, and for a restart by
 * the batch runtime, its checkpoint is the last id read, which at a checkpoint is the last written.
 */
@Named("profileSyncReader")
@Dependent
public class ProfileSyncReader extends AbstractItemReader {

    private static final int PAGE = 100;

    @Inject
    @BatchProperty
    String syncId;

    @Inject
    @BatchProperty
    String clientId;

    @Inject
    @BatchProperty
    String personId;

    @Inject
    @BatchProperty
    String importId;

    @Inject
    @BatchProperty
    String until;

    @Inject
    ProfileSyncs syncs;

    private final Deque<UUID> page = new ArrayDeque<>();
    private SyncScope scope;
    private UUID last;
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        scope = SyncScope.of(syncId, clientId, personId, importId, until);
        last = checkpoint == null ? null : UUID.fromString((String) checkpoint);
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            List<UUID> next = syncs.idsAfter(scope, last, PAGE);
            exhausted = next.size() < PAGE;
            page.addAll(next);
        }
        UUID id = page.poll();
        if (id != null) {
            last = id;
        }
        return id;
    }

    @Override
    public Serializable checkpointInfo() {
        return last == null ? null : last.toString();
    }
}
