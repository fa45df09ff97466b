package io.facegate.web.attendance;

import io.facegate.attendance.AttendanceProfile;
import io.facegate.attendance.AttendanceQueries;
import io.facegate.attendance.CheckIn;
import io.facegate.attendance.LoggedAttendance;
import io.facegate.attendance.MobileCheckIn;
import io.facegate.authentication.CallerIdentity;
import io.facegate.authentication.Roles;
import io.facegate.web.FaceGateApi;
import io.facegate.web.authentication.Callers;
import io.facegate.web.authentication.RequiresRole;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;

/** Seed 004's mobile app: the logged-in person's own profile and check-in. */
@Path("v1/mobile")
@RequiresRole(Roles.PERSON)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Mobile")
@SecurityRequirement(name = FaceGateApi.PERSON_TOKEN)
public class MobileResource {

    @Inject
    AttendanceQueries queries;

    @Inject
    MobileCheckIn checkIns;

    @Context
    HttpServletRequest http;

    public record Location(@NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
                           @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude) {
        /** Declared, so that the constraints stay on the fields (see {@link io.facegate.web.http.JsonConfiguration}). */
        public Location(Double latitude, Double longitude) {
            this.latitude = latitude;
            this.longitude = longitude;
        }
    }

    /** @param timestamp the phone's clock, accepted for seed 004's shape and ignored: the server's clock dates the attendance */
    public record CheckInRequest(@NotBlank String image, @Valid Location location, Instant timestamp) {
        /** Declared, so that the constraints stay on the fields (see {@link io.facegate.web.http.JsonConfiguration}). */
        public CheckInRequest(String image, Location location, Instant timestamp) {
            this.image = image;
            this.location = location;
            this.timestamp = timestamp;
        }
    }

    public record ProfileView(String employeeId, String name, String department, boolean faceEnrolled, String todayAttendance,
                              long thisWeekDays, double attendanceRate) {
    }

    /** @param attendance the new log; null when the person was already logged within the debounce window */
    public record CheckInView(boolean success, boolean attendanceLogged, AttendanceLogView attendance, double similarityScore,
                              Double antiSpoofScore, boolean isLive, double processingTime, String message) {
    }

    @GET
    @Path("profile")
    @Operation(summary = "The logged-in person's profile: today's first attendance, days present this week, attendance rate this month")
    public ProfileView profile() {
        CallerIdentity caller = Callers.person(http);
        AttendanceProfile profile = queries.profile(caller.clientId(), caller.person().personId());
        return new ProfileView(profile.person().getExternalUserId(), profile.person().fullName(), profile.person().getDepartment(),
                profile.person().isEnrolled(), profile.todayAttendance(), profile.thisWeekDays(), profile.attendanceRate());
    }

    @POST
    @Path("check-in")
    @Operation(summary = "Check in with a selfie: it must be the person's enrolled face, live (single-image anti-spoof), and inside "
            + "the client's geofence when it has one; dated by the server's clock")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "check-in",
            value = "{\"image\": \"data:image/jpeg;base64,/9j/4AAQ...\", \"location\": {\"latitude\": 40.7128, \"longitude\": -74.0060},"
                    + " \"timestamp\": \"2024-03-15T08:45:23Z\"}")))
    @APIResponse(responseCode = "200", description = "Recognised; attendance_logged says whether a new attendance was logged")
    @APIResponse(responseCode = "403", description = "Outside the client's geofence")
    @APIResponse(responseCode = "422", description = "No face, several faces, not clear enough, not the person's face, or not live")
    public CheckInView checkIn(@Valid @NotNull CheckInRequest request) {
        CallerIdentity caller = Callers.person(http);
        Location location = request.location();
        CheckIn checkIn = checkIns.checkIn(caller, request.image(), location == null ? null : location.latitude(),
                location == null ? null : location.longitude());
        AttendanceLogView view = checkIn.log().map(log -> AttendanceLogView.of(
                new LoggedAttendance(log, queries.personOf(caller.clientId(), log)))).orElse(null);
        return new CheckInView(true, view != null, view, checkIn.similarity(), checkIn.antiSpoofScore(), checkIn.live(),
                checkIn.processingSeconds(), view != null ? "Checked in" : "Already checked in within the last attendance window");
    }
}
