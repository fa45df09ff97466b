package io.facegate.web.profiles;

import io.facegate.authentication.Roles;
import io.facegate.profiles.PersonFaces;
import io.facegate.profiles.ProfileSyncScheduler;
import io.facegate.profiles.ProfileSyncs;
import io.facegate.system.FaceGateException;
import io.facegate.web.authentication.Callers;
import io.facegate.web.authentication.RequiresRole;
import io.facegate.web.http.Paging;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.UUID;

/**
 * Seed 002's profile sync: templates made from the client's active facial profiles by a Jakarta
 * Batch chunk job, its progress, its resumption after a failure, and its schedule.
 */
@Path("facial-recognition/sync")
@RequiresRole(Roles.CLIENT)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Facial Profiles")
public class ProfileSyncResource {

    @Inject
    ProfileSyncs syncs;

    @Inject
    ProfileSyncStarter starter;

    @Inject
    PersonFaces people;

    @Inject
    ProfileSyncScheduler scheduler;

    @Context
    HttpServletRequest http;

    /** A scheduled sync: five cron fields, minute hour day-of-month month day-of-week (server time zone). */
    public record ScheduleRequest(String cron) {
    }

    /** @param nextRunAt null when the expression has no future time */
    public record ScheduleView(String cron, @JsonbProperty(value = "nextRunAt", nillable = true) Instant nextRunAt) {

        static ScheduleView of(ProfileSyncScheduler.Schedule schedule) {
            return new ScheduleView(schedule.cron(), schedule.nextRunAt());
        }
    }

    /** Seed 002's sync body: {@code clientId}, the person whose profiles to sync (all active ones when absent). */
    public record SyncRequest(@JsonbProperty(value = "clientId", nillable = true) String clientId) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Seed 002: sync the active facial profiles (of one person with clientId) into templates, as a Jakarta Batch"
            + " job: {success, synced, failed, errors, message} when it ends within the wait, else 202 with its status URL and progress")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "one person",
            value = "{\"clientId\": \"client-id\"}")))
    @APIResponse(responseCode = "200", description = "The sync ended; bad profiles are in errors, each with its reason")
    @APIResponse(responseCode = "202", description = "The sync goes on: GET its statusUrl")
    public Response sync(SyncRequest request, @Context UriInfo uri) {
        UUID tenant = Callers.tenant(http);
        String personId = request == null || request.clientId() == null || request.clientId().isBlank() ? null : request.clientId();
        return starter.sync(tenant, personId == null ? null : people.find(tenant, personId).getId(), uri);
    }

    @GET
    @Operation(summary = "The client's profile syncs, newest first")
    public ProfileViews.Syncs list(@QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        Paging paging = Paging.of(offset, limit);
        var list = syncs.list(Callers.tenant(http), paging.offset(), paging.limit()).stream().map(ProfileViews.SyncEntry::of).toList();
        return new ProfileViews.Syncs(list, list.size());
    }

    @GET
    @Path("schedule")
    @Operation(summary = "The client's scheduled sync of all its active profiles, and when it runs next")
    @APIResponse(responseCode = "404", description = "No sync is scheduled")
    public ScheduleView schedule() {
        return scheduler.find(Callers.tenant(http)).map(ScheduleView::of).orElseThrow(() -> FaceGateException.notFound("schedule"));
    }

    @PUT
    @Path("schedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Schedule a sync of all the client's active profiles: cron with five fields, minute hour day-of-month month"
            + " day-of-week (server time zone; lists, ranges, steps); each run is a job in the batch repository")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "nightly",
            value = "{\"cron\": \"0 3 * * *\"}")))
    @APIResponse(responseCode = "400", description = "Not a five-field cron expression, or a value out of range")
    public ScheduleView reschedule(@Valid @NotNull ScheduleRequest request) {
        return ScheduleView.of(scheduler.schedule(Callers.tenant(http), request.cron()));
    }

    @DELETE
    @Path("schedule")
    @Operation(summary = "Stop the client's scheduled sync")
    @APIResponse(responseCode = "204", description = "No sync is scheduled any more")
    @APIResponse(responseCode = "404", description = "No sync was scheduled")
    public Response unschedule() {
        if (!scheduler.unschedule(Callers.tenant(http))) {
            throw FaceGateException.notFound("schedule");
        }
        return Response.noContent().build();
    }

    @GET
    @Path("{sync_id}")
    @Operation(summary = "A sync's result so far: synced, failed, errors, batch status, progress (done/total, rate, ETA)")
    @APIResponse(responseCode = "404", description = "No such sync for this client")
    public ProfileViews.Sync get(@PathParam("sync_id") String syncId, @Context UriInfo uri) {
        return starter.view(syncs.report(Callers.tenant(http), id(syncId)), uri);
    }

    @POST
    @Path("{sync_id}/resume")
    @Operation(summary = "Resume a failed or stopped sync: a new run of its job does the profiles it has not recorded (none twice);"
            + " syncs cut off by a stop or a crash of the server are resumed at the next start")
    @APIResponse(responseCode = "202", description = "Resumed: GET the sync for its progress")
    @APIResponse(responseCode = "409", description = "The sync is running, completed, or about to go on by itself after a stop of the server"
            + " (sync_resuming)")
    public Response resume(@PathParam("sync_id") String syncId, @Context UriInfo uri) {
        UUID tenant = Callers.tenant(http);
        syncs.resume(tenant, id(syncId));
        return Response.accepted(starter.view(syncs.report(tenant, id(syncId)), uri)).build();
    }

    /** A sync id is a UUID; anything else names no sync. */
    private static UUID id(String text) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw FaceGateException.notFound("sync");
        }
    }
}
