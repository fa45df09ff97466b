package io.facegate.web.profiles;

import io.facegate.domain.profiles.FacialProfile;
import io.facegate.domain.profiles.ProfileSync;
import io.facegate.profiles.FacialProfiles;
import io.facegate.profiles.ProfileSyncs;
import jakarta.json.bind.annotation.JsonbProperty;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Seed 002's profile and sync bodies, in the camelCase of its Next.js models. */
public final class ProfileViews {

    private ProfileViews() {
    }

    /**
     * @param clientId the person's id in the client's system (seed 002's client)
     * @param userId   FaceGate's id of the person
     */
    public record Profile(UUID id, @JsonbProperty("clientId") String clientId, @JsonbProperty("userId") UUID userId, String provider,
                          @JsonbProperty("providerFaceId") String providerFaceId, String version,
                          @JsonbProperty("imageUrl") String imageUrl, @JsonbProperty("hasEmbedding") boolean hasEmbedding,
                          @JsonbProperty("embeddingModel") String embeddingModel, @JsonbProperty("isActive") boolean isActive,
                          @JsonbProperty("templateModel") String templateModel, @JsonbProperty("syncedAt") Instant syncedAt,
                          @JsonbProperty("syncError") String syncError, @JsonbProperty("createdAt") Instant createdAt,
                          @JsonbProperty("updatedAt") Instant updatedAt) {

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

    public record ItemError(@JsonbProperty("profileId") UUID profileId, @JsonbProperty("clientId") String clientId, String error,
                            String message) {
    }

    public record Progress(long done, int total, @JsonbProperty("ratePerSecond") double ratePerSecond,
                           @JsonbProperty("etaSeconds") Double etaSeconds) {
    }

    /** Seed 002's sync answer {@code {success, synced, failed, errors, message}}, with the job's state and progress. */
    public record Sync(boolean success, long synced, long failed, List<ItemError> errors, String message, long id,
                       @JsonbProperty("executionId") long executionId, String status, Progress progress,
                       @JsonbProperty("startedAt") Instant startedAt, @JsonbProperty("endedAt") Instant endedAt,
                       @JsonbProperty("statusUrl") String statusUrl) {

        static Sync of(ProfileSyncs.Report report, String statusUrl) {
            return new Sync(report.success(), report.synced(), report.failed(), report.errors().stream()
                    .map(e -> new ItemError(e.profileId(), e.userId(), e.error(), e.message())).toList(), report.message(), report.syncId(),
                    report.executionId(), report.status(), new Progress(report.done(), report.total(), report.ratePerSecond(),
                    report.etaSeconds()), report.startedAt(), report.endedAt(), statusUrl);
        }
    }

    /** A sync in the client's list of syncs. */
    public record SyncEntry(long id, int total, @JsonbProperty("startedAt") Instant startedAt) {

        static SyncEntry of(ProfileSync sync) {
            return new SyncEntry(sync.getJobInstanceId(), sync.getTotal(), sync.getStartedAt());
        }
    }

    public record Syncs(List<SyncEntry> results, int count) {
    }

    public record Rejected(int row, @JsonbProperty("clientId") String clientId, String error, String message) {
    }

    /** A bulk import: what was stored and refused, and the sync of what was stored. */
    public record Import(boolean success, @JsonbProperty("importId") UUID importId, int stored, List<Rejected> rejected, Sync sync) {

        static Import of(FacialProfiles.Imported imported, Sync sync) {
            return new Import(sync.success() && imported.rejected().isEmpty(), imported.importId(), imported.stored(), imported.rejected()
                    .stream().map(r -> new Rejected(r.row(), r.personId(), r.error(), r.message())).toList(), sync);
        }
    }
}
