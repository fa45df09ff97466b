package io.facegate.web.sessions;

import io.facegate.authentication.Roles;
import io.facegate.clients.ClientUserDirectory;
import io.facegate.domain.clients.ClientUser;
import io.facegate.domain.sessions.FaceSession;
import io.facegate.domain.sessions.SessionPurpose;
import io.facegate.domain.sessions.SessionStatus;
import io.facegate.domain.usage.EndpointCategory;
import io.facegate.sessions.FaceSessions;
import io.facegate.sessions.FrameOutcome;
import io.facegate.sessions.FrameSource;
import io.facegate.sessions.OpenedSession;
import io.facegate.sessions.SessionFrames;
import io.facegate.sessions.SessionRequest;
import io.facegate.system.FaceGateException;
import io.facegate.system.Page;
import io.facegate.web.authentication.Callers;
import io.facegate.web.authentication.RequiresRole;
import io.facegate.web.http.Ids;
import io.facegate.web.http.JsonDocuments;
import io.facegate.web.http.MultipartFields;
import io.facegate.web.http.PagedResponse;
import io.facegate.web.usage.UsageMeter;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

/**
 * Enrollment and authentication sessions over REST (seed 001; seed 000's paths via {@link SeedPathAliases}): open a
 * session, send frames, read the session. The WebSocket endpoint is the other transport of the
 * same use case.
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    @Inject
    FaceSessions sessions;

    @Inject
    SessionFrames frames;

    @Inject
    ClientUserDirectory users;

    @Context
    HttpServletRequest http;

    @Context
    UriInfo uri;

    public record FrameRequest(String sessionToken, String image) {
    }

    @POST
    @Path("auth/enrollment")
    @RequiresRole(Roles.SESSION)
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = "Face Enrollment")
    @Operation(summary = "Open an enrollment session for user_id (created if new); send its frames to process-image or the WebSocket."
            + " Also served at POST /api/enrollment/create/ (seed 000)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "enrollment",
            value = "{\"user_id\": \"user123\", \"session_type\": \"webcam\", \"metadata\": {\"target_samples\": 3, \"device_info\": \"Chrome on macOS\"}}")))
    @APIResponse(responseCode = "201", description = "Session open: session_token, enrollment_id, expires_at, websocket_url")
    public Response openEnrollment(String body) {
        OpenedSession opened = sessions.openEnrollment(Callers.tenant(http), sessionRequest(JsonDocuments.requestObject(body)));
        return created(opened);
    }

    @POST
    @Path("auth/authentication")
    @RequiresRole(Roles.SESSION)
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = "Face Authentication")
    @Operation(summary = "Open an authentication session: verification of user_id (1:1), or identification without it (1:N)."
            + " Also served at POST /api/auth/face/create/ (seed 000)")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "verification", value = "{\"user_id\": \"user123\", \"session_type\": \"webcam\", \"require_liveness\": true,"
                    + " \"metadata\": {\"min_frames_required\": 3, \"required_blinks\": 1}}"),
            @ExampleObject(name = "identification", value = "{\"session_type\": \"webcam\", \"require_liveness\": false}")}))
    @APIResponse(responseCode = "201", description = "Session open: session_token, session_type, expires_at, websocket_url")
    @APIResponse(responseCode = "404", description = "user_id is not a user of this client")
    @APIResponse(responseCode = "409", description = "user_id has no enrolled face")
    public Response openAuthentication(String body) {
        OpenedSession opened = sessions.openAuthentication(Callers.tenant(http), sessionRequest(JsonDocuments.requestObject(body)));
        return created(opened);
    }

    @POST
    @Path("auth/process-image")
    @RequiresRole(Roles.SESSION)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Tag(name = "Face Authentication")
    @Operation(summary = "Send one frame of a session (multipart session_token and image: a file or a data URL)."
            + " Also served at POST /api/auth/face/process-frame/ (seed 000)")
    @APIResponse(responseCode = "200", description = "Frame feedback; on the session's last frame its result")
    @APIResponse(responseCode = "404", description = "Unknown session token (or another client's)")
    @APIResponse(responseCode = "409", description = "The session already completed or failed")
    @APIResponse(responseCode = "410", description = "The session expired")
    public SessionViews.ProcessedFrame processFrameForm(@FormParam("session_token") String token, @FormParam("image") EntityPart image) {
        return frameView(frames.process(Callers.tenant(http), token, new FrameSource.Upload(MultipartFields.bytes("image", image))));
    }

    @POST
    @Path("auth/process-image")
    @RequiresRole(Roles.SESSION)
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = "Face Authentication")
    @Operation(summary = "Send one frame of a session as JSON (session_token, image as data URL or base64)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "frame",
            value = "{\"session_token\": \"fs_...\", \"image\": \"data:image/jpeg;base64,/9j/4AAQ...\"}")))
    public SessionViews.ProcessedFrame processFrameJson(FrameRequest request) {
        if (request == null) {
            throw FaceGateException.invalid("missing_body", "a JSON body with session_token and image is required");
        }
        return frameView(frames.process(Callers.tenant(http), request.sessionToken(), new FrameSource.Text(request.image())));
    }

    @GET
    @Path("auth/sessions")
    @RequiresRole(Roles.CLIENT)
    @Tag(name = "Face Authentication")
    @Operation(summary = "List the client's sessions, newest first; filter by session_type, status, client_user, created_at range (from, to) and spoof_suspected")
    @APIResponse(responseCode = "400", description = "A filter value is invalid")
    public PagedResponse<SessionViews.SessionView> list(@QueryParam("session_type") String sessionType,
                                                        @QueryParam("status") String status,
                                                        @QueryParam("client_user") String clientUser,
                                                        @QueryParam("from") String from,
                                                        @QueryParam("to") String to,
                                                        @QueryParam("spoof_suspected") Boolean spoofSuspected,
                                                        @QueryParam("offset") @DefaultValue("0") int offset,
                                                        @QueryParam("limit") @DefaultValue("" + Page.DEFAULT_LIMIT) int limit) {
        UUID tenant = Callers.tenant(http);
        Page<FaceSession> page = sessions.list(tenant, enumFilter(SessionPurpose.class, "session_type", sessionType),
                enumFilter(SessionStatus.class, "status", status), clientUser == null ? null : Ids.parse(clientUser, "user"),
                instant("from", from), instant("to", to), spoofSuspected, offset, limit);
        return PagedResponse.of(page.map(s -> view(tenant, s)), uri);
    }

    @GET
    @Path("auth/sessions/{id}")
    @RequiresRole(Roles.CLIENT)
    @Tag(name = "Face Authentication")
    @Operation(summary = "One session with its client_user and client_user_info (seed 000)")
    @APIResponse(responseCode = "404", description = "No such session for this client")
    public SessionViews.SessionView get(@PathParam("id") String id) {
        UUID tenant = Callers.tenant(http);
        return view(tenant, sessions.find(tenant, Ids.parse(id, "session")));
    }

    /** The frame's feedback; its usage is billed by the session's purpose, which the path does not tell. */
    private SessionViews.ProcessedFrame frameView(FrameOutcome outcome) {
        http.setAttribute(UsageMeter.CATEGORY, outcome.session().getPurpose() == SessionPurpose.ENROLLMENT
                ? EndpointCategory.ENROLLMENT : EndpointCategory.RECOGNITION);
        return SessionViews.ProcessedFrame.of(outcome);
    }

    private SessionViews.SessionView view(UUID tenant, FaceSession session) {
        SessionViews.ClientUserInfo info = null;
        if (session.getClientUserId() != null) {
            ClientUser user = users.find(tenant, session.getClientUserId());
            info = new SessionViews.ClientUserInfo(user.getId(), user.getExternalUserId(), user.getDisplayName(), user.isEnrolled(),
                    users.profileImageUrl(user));
        }
        return SessionViews.SessionView.of(session, info);
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

    /**
     * Reads seed 001's top-level fields and seed 003's {@code metadata} ones ({@code target_samples},
     * {@code min_frames_required}, {@code required_blinks}); top-level wins.
     */
    private static SessionRequest sessionRequest(JsonObject body) {
        JsonObject metadata = body.containsKey("metadata") && body.get("metadata").getValueType() == JsonValue.ValueType.OBJECT
                ? body.getJsonObject("metadata") : null;
        if (body.containsKey("metadata") && metadata == null && body.get("metadata") != JsonValue.NULL) {
            throw FaceGateException.invalid("invalid_metadata", "metadata must be a JSON object");
        }
        return new SessionRequest(text(body, "user_id"), text(body, "session_type"),
                text(body, "display_name") != null ? text(body, "display_name") : text(metadata, "display_name"),
                bool(body, "require_liveness"),
                integer(body, metadata, "target_samples"), integer(body, metadata, "min_frames_required"),
                integer(body, metadata, "required_blinks"), JsonDocuments.metadata(metadata));
    }

    private static String text(JsonObject object, String field) {
        if (object == null || !object.containsKey(field) || object.isNull(field)) {
            return null;
        }
        JsonValue value = object.get(field);
        if (value instanceof JsonString s) {
            return s.getString();
        }
        if (value instanceof JsonNumber n) {
            return n.toString();
        }
        throw FaceGateException.invalid("invalid_" + field, field + " must be a string");
    }

    private static Boolean bool(JsonObject object, String field) {
        if (!object.containsKey(field) || object.isNull(field)) {
            return null;
        }
        JsonValue value = object.get(field);
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        throw FaceGateException.invalid("invalid_" + field, field + " must be true or false");
    }

    private static Integer integer(JsonObject body, JsonObject metadata, String field) {
        JsonObject source = body.containsKey(field) && !body.isNull(field) ? body : metadata;
        if (source == null || !source.containsKey(field) || source.isNull(field)) {
            return null;
        }
        if (source.get(field) instanceof JsonNumber n && n.isIntegral()) {
            try {
                return n.intValueExact();
            } catch (ArithmeticException e) {
                // falls through to the refusal below
            }
        }
        throw FaceGateException.invalid("invalid_" + field, field + " must be an integer");
    }

    private static <E extends Enum<E>> E enumFilter(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw FaceGateException.invalid("invalid_" + name, name + " must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
        }
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw FaceGateException.invalid("invalid_" + name, name + " must be an ISO-8601 UTC timestamp like 2025-10-12T10:30:00Z");
        }
    }
}
