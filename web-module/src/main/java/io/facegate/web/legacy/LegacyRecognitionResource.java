package io.facegate.web.legacy;

import io.facegate.authentication.Roles;
import io.facegate.legacy.CameraRecognition;
import io.facegate.system.Page;
import io.facegate.web.authentication.Callers;
import io.facegate.web.authentication.RequiresRole;
import io.facegate.web.detections.DetectionQueries;
import io.facegate.web.detections.DetectionView;
import io.facegate.web.http.Paging;
import io.facegate.web.http.QueryValues;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Seed 002's "Python API" for ESP32 cameras, so that its Next.js application only changes its base
 * URL and credentials: recognition runs on the client's cameras, results are their detection events.
 * Kept for existing integrations; new ones use the cameras and detections APIs.
 */
@Path("")
@RequiresRole(Roles.CLIENT)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Legacy Recognition")
public class LegacyRecognitionResource {

    /** The Python API returned every result; a page of the seed's usual size keeps answers bounded. */
    private static final int DEFAULT_RESULTS = 100;

    @Inject
    CameraRecognition recognition;

    @Inject
    DetectionQueries detections;

    @Context
    HttpServletRequest http;

    /**
     * Seed 002's settings; {@code threshold} is a face distance (0.6 is face_recognition's usual
     * tolerance), FaceGate's match threshold being {@code 1 - threshold}.
     */
    public record ConfigRequest(@Size(max = 2000) String streamUrl, Double threshold, @Size(max = 200) String name, Integer detectFps,
                                Integer minFaceSize, Integer cooldownSeconds) {
        /** Declared, so that the constraints stay on the fields (see {@link io.facegate.web.http.JsonConfiguration}). */
        public ConfigRequest(String streamUrl, Double threshold, String name, Integer detectFps, Integer minFaceSize, Integer cooldownSeconds) {
            this.streamUrl = streamUrl;
            this.threshold = threshold;
            this.name = name;
            this.detectFps = detectFps;
            this.minFaceSize = minFaceSize;
            this.cooldownSeconds = cooldownSeconds;
        }
    }

    @GET
    @Path("status")
    @Operation(deprecated = true, summary = "Seed 002 Python API: whether recognition runs (any active camera), the default camera's"
            + " stream and threshold, enrolled users", description = "Deprecated, for existing seed 002 integrations: use"
            + " GET /api/v1/cameras/ and GET /api/v1/cameras/{camera_id}/health/.")
    public LegacyViews.Status status() {
        return LegacyViews.Status.of(recognition.status(Callers.tenant(http)));
    }

    @POST
    @Path("start")
    @Operation(deprecated = true, summary = "Seed 002 Python API: start recognition (every camera of the client is polled)",
            description = "Deprecated, for existing seed 002 integrations: use PATCH /api/v1/cameras/{camera_id}/ with"
                    + " {\"is_active\": true}.")
    @APIResponse(responseCode = "200", description = "Recognition runs on every camera")
    @APIResponse(responseCode = "409", description = "The client has no camera: PUT /api/config with a stream_url first")
    public LegacyViews.Control start() {
        return new LegacyViews.Control(true, true, "Recognition started",
                LegacyViews.CameraEntry.all(recognition.start(Callers.tenant(http))));
    }

    @POST
    @Path("stop")
    @Operation(deprecated = true, summary = "Seed 002 Python API: stop recognition (no camera of the client is polled)",
            description = "Deprecated, for existing seed 002 integrations: use PATCH /api/v1/cameras/{camera_id}/ with"
                    + " {\"is_active\": false}.")
    @APIResponse(responseCode = "200", description = "No camera is polled any more")
    @APIResponse(responseCode = "409", description = "The client has no camera")
    public LegacyViews.Control stop() {
        return new LegacyViews.Control(true, false, "Recognition stopped",
                LegacyViews.CameraEntry.all(recognition.stop(Callers.tenant(http))));
    }

    @GET
    @Path("results")
    @Operation(deprecated = true, summary = "Seed 002 Python API: detection results, newest first ({timestamp, name, confidence,"
            + " distance, box}); filters camera_id, status; offset, limit (default 100, at most 500)",
            description = "Deprecated, for existing seed 002 integrations: use GET /api/v1/detections/.")
    public LegacyViews.Results results(@QueryParam("camera_id") String cameraId, @QueryParam("status") String status,
                                       @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        int first = QueryValues.number("offset", offset, 0);
        int size = QueryValues.number("limit", limit, DEFAULT_RESULTS);
        Page<DetectionView> page = detections.list(Callers.tenant(http), cameraId, null, status, null, null, first, size);
        return new LegacyViews.Results(true, page.items().stream().map(LegacyViews.Result::of).toList(), page.count(), first, size);
    }

    @GET
    @Path("latest")
    @Operation(deprecated = true, summary = "Seed 002 Python API: the latest detection result (result is null before the first)",
            description = "Deprecated, for existing seed 002 integrations: use GET /api/v1/detections/?limit=1.")
    public LegacyViews.Latest latest() {
        Page<DetectionView> page = detections.list(Callers.tenant(http), null, null, null, null, null, 0, 1);
        return new LegacyViews.Latest(true, page.items().isEmpty() ? null : LegacyViews.Result.of(page.items().get(0)));
    }

    @GET
    @Path("stats")
    @Operation(deprecated = true, summary = "Seed 002 Python API: detection counts by status and per camera, and the recognition"
            + " latency (a frame's arrival to its event, first views only)", description = "Deprecated, for existing seed 002"
            + " integrations: use GET /api/v1/detections/ and GET /api/v1/cameras/{camera_id}/health/.")
    public LegacyViews.Stats stats() {
        return LegacyViews.Stats.of(recognition.stats(Callers.tenant(http)));
    }

    @PUT
    @Path("config")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(deprecated = true, summary = "Seed 002 Python API: configure the client's default camera (id \"default\", created on"
            + " first use): stream_url, threshold (a face distance; match threshold = 1 - threshold), name, detect_fps, min_face_size,"
            + " cooldown_seconds; fields left out keep their values", description = "Deprecated, for existing seed 002 integrations:"
            + " use POST /api/v1/cameras/ and PATCH /api/v1/cameras/{camera_id}/.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "ESP32",
            value = "{\"stream_url\": \"http://192.168.1.100:81/stream\", \"threshold\": 0.6}")))
    @APIResponse(responseCode = "200", description = "The default camera as it is now")
    @APIResponse(responseCode = "422", description = "The stream URL is refused by the egress policy")
    public LegacyViews.Config config(@Valid @NotNull ConfigRequest request) {
        CameraRecognition.CameraSummary camera = recognition.configure(Callers.tenant(http), new CameraRecognition.Config(request.streamUrl(),
                request.threshold(), request.name(), request.detectFps(), request.minFaceSize(), request.cooldownSeconds()));
        return new LegacyViews.Config(true, "Configuration updated", LegacyViews.CameraEntry.of(camera));
    }
}
