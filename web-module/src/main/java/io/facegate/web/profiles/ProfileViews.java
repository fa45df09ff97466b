package io.facegate.web.profiles;

import io.facegate.domain.profiles.FacialProfile;
import io.facegate.domain.profiles.ProfileSync;
import io.facegate.profiles.FacialProfiles;
import io.facegate.profiles.ProfileSyncs;
import jakarta.json.bind.annotation.JsonbProperty;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Seed 002's profile and sync bodies, in the camelCase of its Next.js models. Each renamed property
 * says {@code nillable = true}: Yasson leaves out a null property that {@code @JsonbProperty} names
 * otherwise, whatever the configuration says, and the shapes must stay stable.
 */
public final class ProfileViews {

    private ProfileViews() {
    }

    /**
     * @param clientId the person's id in the client's system (seed 002's client)
     * @param userId   FaceGate's id of the person
     */
    public record Profile(UUID id,
                          @JsonbProperty(value = "clientId", nillable = true) String clientId,
                          @JsonbProperty(value = "userId", nillable = true) UUID userId,
                          String provider,
                          @JsonbProperty(value = "providerFaceId", nillable = true) String providerFaceId,
                          String version,
                          @JsonbProperty(value = "imageUrl", nillable = true) String imageUrl,
                          @JsonbProperty(value = "hasEmbedding", nillable = true) boolean hasEmbedding,
                          @JsonbProperty(value = "embeddingModel", nillable = true) String embeddingModel,
                          @JsonbProperty(value = "isActive", nillable = true) boolean isActive,
                          @JsonbProperty(value = "templateModel", nillable = true) String templateModel,
                          @JsonbProperty(value = "syncedAt", nillable = true) Instant syncedAt,
                          @JsonbProperty(value = "syncError", nillable = true) String syncError,
                          @JsonbProperty(value = "createdAt", nillable = true) Instant createdAt,
                          @JsonbProperty(value = "updatedAt", nillable = true) Instant updatedAt) {

        static Profile of(FacialProfile profile, String personId) {
            return new Profile(profile.getId(), personId, profile.getClientUserId(), profile.getProvider(), profile.getProviderFaceId(),
                    profile.getSourceVersion(), profile.getImageUrl(), profile.getEmbeddingSealed() != null, profile.getEmbeddingModel(),
                    profile.isActive(), profile.getTemplateModel(), profile.getSyncedAt(), profile.getSyncError(), profile.getCreatedAt(),
                    profile.getUpdatedAt());
        }
    }

    public record Profiles(boolean success, List<Profile> profiles, long total) {
    }

    public record Created(boolean success, Profile profile) {
    }

    public record ItemError(@JsonbProperty(value = "profileId", nillable = true) UUID profileId,
                            @JsonbProperty(value = "clientId", nillable = true) String clientId, String error, String message) {
    }

    public record Progress(long done, int total, @JsonbProperty(value = "ratePerSecond", nillable = true) double ratePerSecond,
                           @JsonbProperty(value = "etaSeconds", nillable = true) Double etaSeconds) {
    }

    /**
     * Seed 002's sync answer {@code {success, synced, failed, errors, message}}, with the job's state
     * and progress; {@code id}, {@code executionId} and {@code statusUrl} are null when there was nothing to sync.
     */
    public record Sync(boolean success, long synced, long failed, List<ItemError> errors, String message, UUID id,
                       @JsonbProperty(value = "executionId", nillable = true) Long executionId, int resumptions, String status,
                       Progress progress, @JsonbProperty(value = "startedAt", nillable = true) Instant startedAt,
                       @JsonbProperty(value = "endedAt", nillable = true) Instant endedAt,
                       @JsonbProperty(value = "statusUrl", nillable = true) String statusUrl) {

        /** No active profile in the scope: no job was started. */
        static final Sync NOTHING = new Sync(true, 0, 0, List.of(), "Synced 0 profiles, 0 failed (no active profile to sync)", null, null,
                0, "COMPLETED", new Progress(0, 0, 0, null), null, null, null);

        static Sync of(ProfileSyncs.Report report, String statusUrl) {
            List<ItemError> errors = report.errors().stream().map(e -> new ItemError(e.profileId(), e.userId(), e.error(), e.message())).toList();
            return new Sync(report.success(), report.synced(), report.failed(), errors, report.message(), report.syncId(), report.executionId(),
                    report.resumptions(), report.status(), new Progress(report.done(), report.total(), report.ratePerSecond(), report.etaSeconds()),
                    report.startedAt(), report.endedAt(), statusUrl);
        }
    }

    /** A sync in the client's list of syncs. */
    public record SyncEntry(UUID id, int total, @JsonbProperty(value = "startedAt", nillable = true) Instant startedAt,
                            @JsonbProperty(value = "executionId", nillable = true) long executionId, int resumptions) {

        static SyncEntry of(ProfileSync sync) {
            return new SyncEntry(sync.getId(), sync.getTotal(), sync.getStartedAt(), sync.getExecutionId(), sync.getResumptions());
        }
    }

    public record Syncs(List<SyncEntry> results, int count) {
    }

    public record Rejected(int row, @JsonbProperty(value = "clientId", nillable = true) String clientId, String error, String message) {
    }

    /** A bulk import: what was stored and refused, and the sync of what was stored. */
    public record Import(boolean success, @JsonbProperty(value = "importId", nillable = true) UUID importId, int stored,
                         List<Rejected> rejected, Sync sync) {

        static Import of(FacialProfiles.Imported imported, Sync sync) {
            return new Import(sync.success() && imported.rejected().isEmpty(), imported.importId(), imported.stored(), imported.rejected()
                    .stream().map(r -> new Rejected(r.row(), r.personId(), r.error(), r.message())).toList(), sync);
        }
    }
}
