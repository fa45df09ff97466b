package io.facegate.profiles;

import io.facegate.system.FaceGateException;
import io.facegate.system.ObjectStorage;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Processor of the {@value ProfileSyncs#JOB} job: fetches, decodes, detects, judges and embeds the
 * profile's photo (or opens its embedding) outside any transaction ({@link FaceSources} runs
 * without one). A bad item is an outcome with its reason, never an exception: one broken photo
 * does not fail the job, and its reason is recorded with the chunk.
 */
@Named("profileSyncProcessor")
@Dependent
public class ProfileSyncProcessor implements ItemProcessor {

    private static final Logger LOG = Logger.getLogger(ProfileSyncProcessor.class.getName());

    @Inject
    ProfileSyncs syncs;

    @Inject
    FaceSources faces;

    @Inject
    ObjectStorage storage;

    @Override
    public Object processItem(Object item) {
        UUID profileId = (UUID) item;
        try {
            ProfileSyncs.Source source = syncs.source(profileId);
            if (source == null) {
                return ProfileSyncs.Outcome.failed(profileId, "profile_deleted", "the profile was deleted during the sync");
            }
            FaceSources.Face face = source.embedding() != null ? FaceSources.fromEmbedding(source.embedding())
                    : source.imageKey() != null ? faces.fromUpload("image", storage.get(source.imageKey()))
                    : faces.fromUrl("imageUrl", source.imageUrl());
            return new ProfileSyncs.Outcome(profileId, source.personId(), face, null, null);
        } catch (FaceGateException refused) {
            return ProfileSyncs.Outcome.failed(profileId, refused.code(), refused.getMessage());
        } catch (RuntimeException e) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "profile " + profileId + " could not be synced, incident " + incident, e);
            return ProfileSyncs.Outcome.failed(profileId, "internal_error", "unexpected server error; quote incident " + incident);
        }
    }
}
