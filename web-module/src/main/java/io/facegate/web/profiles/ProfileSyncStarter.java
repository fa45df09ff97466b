package io.facegate.web.profiles;

import io.facegate.profiles.FacialProfiles;
import io.facegate.profiles.ProfileSettings;
import io.facegate.profiles.ProfileSyncs;
import io.facegate.profiles.SyncScope;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Starts a sync and answers as seed 002 expects: its result when it ends within the wait, else 202 with its status URL. */
@Dependent
class ProfileSyncStarter {

    @Inject
    ProfileSyncs syncs;

    @Inject
    FacialProfiles profiles;

    @Inject
    ProfileSettings settings;

    Response sync(UUID clientId, UUID personId, UriInfo uri) {
        ProfileViews.Sync sync = startAndWait(SyncScope.of(clientId, personId, null), clientId, uri);
        return answer(sync, sync, uri);
    }

    Response importAndSync(UUID clientId, List<FacialProfiles.NewProfile> imported, UriInfo uri) {
        FacialProfiles.Imported stored = profiles.importProfiles(clientId, imported);
        ProfileViews.Sync sync = startAndWait(SyncScope.of(clientId, null, stored.importId()), clientId, uri);
        return answer(sync, ProfileViews.Import.of(stored, sync), uri);
    }

    ProfileViews.Sync view(ProfileSyncs.Report report, UriInfo uri) {
        return ProfileViews.Sync.of(report, statusUrl(report.syncId(), uri).toString());
    }

    private ProfileViews.Sync startAndWait(SyncScope scope, UUID clientId, UriInfo uri) {
        return syncs.start(scope).map(syncId -> view(syncs.await(clientId, syncId, settings.syncWait()), uri))
                .orElse(ProfileViews.Sync.NOTHING);
    }

    private static Response answer(ProfileViews.Sync sync, Object body, UriInfo uri) {
        boolean finished = sync.endedAt() != null || !"STARTED".equals(sync.status()) && !"STARTING".equals(sync.status());
        return finished ? Response.ok(body).build() : Response.accepted(body).location(statusUrl(sync.id(), uri)).build();
    }

    private static URI statusUrl(UUID syncId, UriInfo uri) {
        return uri.getBaseUriBuilder().path("facial-recognition/sync").path(syncId.toString()).path("").build();
    }
}
