package io.facegate.web.sessions;

import io.facegate.authentication.Roles;
import io.facegate.domain.clients.ClientUser;
import io.facegate.sessions.FaceSessions;
import io.facegate.sessions.FrameSource;
import io.facegate.sessions.OpenedSession;
import io.facegate.sessions.SessionFrames;
import io.facegate.sessions.SessionRequest;
import io.facegate.web.FaceGateApi;
import io.facegate.web.authentication.Callers;
import io.facegate.web.authentication.RequiresRole;
import io.facegate.web.http.JsonDocuments;
import io.facegate.web.http.MultipartFields;
import io.facegate.web.usage.UsageMeter;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

/**
 * Enrollment and authentication sessions over REST (seed 001; seed 000's paths via {@link SeedPathAliases}): open a
 * session and send its frames, with the client's credentials or a browser token. The WebSocket
 * endpoint is the other transport of the same use case; {@link SessionHistoryResource} reads sessions.
 */
@Path("")
@RequiresRole(Roles.SESSION)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = FaceGateApi.CLIENT_TOKEN)
@SecurityRequirement(name = FaceGateApi.CLIENT_KEY)
@SecurityRequirement(name = FaceGateApi.BROWSER_TOKEN)
public class SessionResource {

    @Inject
    FaceSessions sessions;

    @Inject
    SessionFrames frames;

    @Context
    HttpServletRequest http;

    @Context
    UriInfo uri;

    public record FrameRequest(@NotBlank @Size(max = 256) String sessionToken, @NotBlank String image) {
        /** Declared, so that the constraints stay on the fields (see {@link io.facegate.web.http.JsonConfiguration}). */
        public FrameRequest(String sessionToken, String image) {
            this.sessionToken = sessionToken;
            this.image = image;
        }
    }

    /**
     * Seed 001's session request; seed 003 puts {@code target_samples}, {@code min_frames_required}
     * and {@code required_blinks} (and may put {@code display_name}) in {@code metadata}: the
     * top-level field wins when both are given.
     */
    public record OpenSession(@Size(max = ClientUser.MAX_EXTERNAL_ID_LENGTH) String userId, @Size(max = 32) String sessionType,
                              @Size(max = ClientUser.MAX_DISPLAY_NAME_LENGTH) String displayName, Boolean requireLiveness,
                              Integer targetSamples, Integer minFramesRequired, Integer requiredBlinks, JsonObject metadata) {
        /** Declared, so that the constraints stay on the fields (see {@link io.facegate.web.http.JsonConfiguration}). */
        public OpenSession(String userId, String sessionType, String displayName, Boolean requireLiveness, Integer targetSamples,
                           Integer minFramesRequired, Integer requiredBlinks, JsonObject metadata) {
            this.userId = userId;
            this.sessionType = sessionType;
            this.displayName = displayName;
            this.requireLiveness = requireLiveness;
            this.targetSamples = targetSamples;
            this.minFramesRequired = minFramesRequired;
            this.requiredBlinks = requiredBlinks;
            this.metadata = metadata;
        }

        SessionRequest toRequest() {
            String name = displayName != null ? displayName : MetadataFields.text(metadata, "display_name", ClientUser.MAX_DISPLAY_NAME_LENGTH);
            return new SessionRequest(userId, sessionType, name, requireLiveness,
                    targetSamples != null ? targetSamples : MetadataFields.integer(metadata, "target_samples"),
                    minFramesRequired != null ? minFramesRequired : MetadataFields.integer(metadata, "min_frames_required"),
                    requiredBlinks != null ? requiredBlinks : MetadataFields.integer(metadata, "required_blinks"),
                    JsonDocuments.metadata(metadata));
        }
    }

    @POST
    @Path("auth/enrollment")
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = "Face Enrollment")
    @Operation(summary = "Open an enrollment session for user_id (created if new); send its frames to process-image or the WebSocket."
            + " Also served at POST /api/enrollment/create/ (seed 000)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "enrollment",
            value = "{\"user_id\": \"user123\", \"session_type\": \"webcam\", \"metadata\": {\"target_samples\": 3, \"device_info\": \"Chrome on macOS\"}}")))
    @APIResponse(responseCode = "201", description = "Session open: session_token, enrollment_id, expires_at, websocket_url")
    @APIResponse(responseCode = "403", description = "user_id is enrolled and only the client's backend (full scope) may replace a face")
    public Response openEnrollment(@Valid @NotNull OpenSession request) {
        return created(sessions.openEnrollment(Callers.client(http), request.toRequest()));
    }

    @POST
    @Path("auth/authentication")
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = "Face Authentication")
    @Operation(summary = "Open an authentication session: verification of user_id (1:1), or identification without it (1:N)."
            + " Also served at POST /api/auth/face/create/ (seed 000)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "verification", value = "{\"user_id\": \"user123\", \"session_type\": \"webcam\", \"require_liveness\": true,"
                    + " \"metadata\": {\"min_frames_required\": 3, \"required_blinks\": 1}}"),
            @ExampleObject(name = "identification", value = "{\"session_type\": \"webcam\", \"require_liveness\": false}")}))
    @APIResponse(responseCode = "201", description = "Session open: session_token, session_type, expires_at, websocket_url")
    @APIResponse(responseCode = "404", description = "user_id is not a user of this client")
    @APIResponse(responseCode = "409", description = "user_id has no enrolled face")
    public Response openAuthentication(@Valid @NotNull OpenSession request) {
        return created(sessions.openAuthentication(Callers.tenant(http), request.toRequest()));
    }

    @POST
    @Path("auth/process-image")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Tag(name = "Face Authentication")
    @Operation(summary = "Send one frame of a session (multipart session_token and image: a file or a data URL)."
            + " Also served at POST /api/auth/face/process-frame/ (seed 000)")
    @APIResponse(responseCode = "200", description = "Frame feedback; on the session's last frame its result")
    @APIResponse(responseCode = "404", description = "Unknown session token (or another client's)")
    @APIResponse(responseCode = "409", description = "The session already completed or failed")
    @APIResponse(responseCode = "410", description = "The session expired")
    public SessionViews.ProcessedFrame processFrameForm(List<EntityPart> parts) {
        MultipartFields fields = MultipartFields.of(parts);
        String token = fields.text("session_token");
        FrameSource frame = new FrameSource.Upload(fields.bytes("image"));
        return SessionViews.ProcessedFrame.of(frames.process(Callers.tenant(http), token, frame,
                UsageMeter.handOver(http, "SessionResource#processFrameForm")));
    }

    @POST
    @Path("auth/process-image")
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = "Face Authentication")
    @Operation(summary = "Send one frame of a session as JSON (session_token, image as data URL or base64)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "frame",
            value = "{\"session_token\": \"fs_...\", \"image\": \"data:image/jpeg;base64,/9j/4AAQ...\"}")))
    public SessionViews.ProcessedFrame processFrameJson(@Valid @NotNull FrameRequest request) {
        return SessionViews.ProcessedFrame.of(frames.process(Callers.tenant(http), request.sessionToken(),
                new FrameSource.Text(request.image()), UsageMeter.handOver(http, "SessionResource#processFrameJson")));
    }

    private Response created(OpenedSession opened) {
        URI location = uri.getBaseUriBuilder().path("auth/sessions").path(opened.session().getId().toString()).build();
        return Response.created(location).entity(SessionViews.CreatedSession.of(opened, websocketUrl(opened.token()))).build();
    }

    /** Where the browser streams this session's frames: ws:// or wss:// as this request came in. */
    private String websocketUrl(String token) {
        URI base = uri.getBaseUri();
        String scheme = "https".equalsIgnoreCase(http.getHeader("X-Forwarded-Proto")) || "https".equals(base.getScheme()) ? "wss" : "ws";
        return scheme + "://" + base.getRawAuthority() + "/ws/auth/process-image/" + token + "/";
    }
}
