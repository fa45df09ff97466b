package io.facegate.web.cameras;

import io.facegate.authentication.Roles;
import io.facegate.cameras.CameraRegistry;
import io.facegate.cameras.CameraRegistry.CameraDescription;
import io.facegate.cameras.CameraSupervisor;
import io.facegate.cameras.CameraTester;
import io.facegate.cameras.PreviewRelay;
import io.facegate.domain.cameras.Camera;
import io.facegate.system.ErrorKind;
import io.facegate.system.FaceGateException;
import io.facegate.system.Page;
import io.facegate.web.authentication.Callers;
import io.facegate.web.authentication.RequiresRole;
import io.facegate.web.http.PagedResponse;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

/** A client's cameras (seed 004), addressed by the client's own camera id. */
@Path("v1/cameras")
@RequiresRole(Roles.CLIENT)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Cameras")
public class CameraResource {

    @Inject
    CameraRegistry registry;

    @Inject
    CameraTester tester;

    @Inject
    CameraSupervisor supervisor;

    @Context
    HttpServletRequest http;

    @POST
    @Operation(summary = "Register a camera (ESP32 MJPEG stream, JPEG snapshot URL or RTSP); active cameras are polled at once")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "ESP32-CAM", value = "{\"id\": \"CAM001\", \"name\": \"Main Entrance\", \"location\": \"Building A\","
                    + " \"ip_address\": \"192.168.1.100\", \"source_kind\": \"mjpeg\"}"),
            @ExampleObject(name = "RTSP (seed 004)", value = "{\"id\": \"CAM002\", \"name\": \"Library Entrance\", \"location\": \"Library Building\","
                    + " \"ip_address\": \"192.168.1.101\", \"rtsp_url\": \"rtsp://192.168.1.101:554/stream\","
                    + " \"username\": \"admin\", \"password\": \"camera_password\", \"detect_fps\": 5}")}))
    @APIResponse(responseCode = "201", description = "Camera registered")
    @APIResponse(responseCode = "409", description = "This client already has a camera with this id")
    @APIResponse(responseCode = "422", description = "The URL is refused by the egress policy (scheme or address)")
    public Response register(CameraRequest request, @Context UriInfo uri) {
        CameraDescription camera = registry.register(Callers.tenant(http), body(request).definition());
        return Response.created(uri.getAbsolutePathBuilder().path(camera.camera().getCode()).build())
                .entity(CameraView.of(camera)).build();
    }

    @GET
    @Operation(summary = "List cameras, newest first, with their status as the polling server last saw it")
    public PagedResponse<CameraView> list(@QueryParam("is_active") Boolean active,
                                          @QueryParam("offset") @DefaultValue("0") int offset,
                                          @QueryParam("limit") @DefaultValue("" + Page.DEFAULT_LIMIT) int limit,
                                          @Context UriInfo uri) {
        return PagedResponse.of(registry.list(Callers.tenant(http), active, offset, limit).map(CameraView::of), uri);
    }

    @GET
    @Path("{camera_id}")
    @Operation(summary = "Get one camera")
    @APIResponse(responseCode = "404", description = "No such camera for this client")
    public CameraView get(@PathParam("camera_id") String code) {
        return CameraView.of(registry.find(Callers.tenant(http), code));
    }

    @PUT
    @Path("{camera_id}")
    @Operation(summary = "Replace a camera's settings (omitted fields take their defaults; omitted credentials are kept)")
    public CameraView replace(@PathParam("camera_id") String code, CameraRequest request) {
        return CameraView.of(registry.change(Callers.tenant(http), code, body(request).definition(), true));
    }

    @PATCH
    @Path("{camera_id}")
    @Operation(summary = "Change some of a camera's settings; an empty password removes it")
    public CameraView update(@PathParam("camera_id") String code, CameraRequest request) {
        return CameraView.of(registry.change(Callers.tenant(http), code, body(request).definition(), false));
    }

    @DELETE
    @Path("{camera_id}")
    @Operation(summary = "Delete a camera; its poller stops within seconds")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("camera_id") String code) {
        registry.delete(Callers.tenant(http), code);
        return Response.noContent().build();
    }

    @POST
    @Path("{camera_id}/test")
    @Operation(summary = "Connect to the camera and read a few frames: resolution, fps, time to the first frame, or the exact failure"
            + " (dns, egress_refused, refused, timeout, unauthorized, http_error, not_a_jpeg_stream, stream_ended, io)")
    @APIResponse(responseCode = "200", description = "The test ran; success says whether frames came")
    public CameraTester.CameraTest test(@PathParam("camera_id") String code) {
        return tester.test(Callers.tenant(http), code);
    }

    @GET
    @Path("{camera_id}/health")
    @Operation(summary = "The camera's health as its polling server last reported it (every few seconds)")
    public CameraHealthView health(@PathParam("camera_id") String code) {
        return CameraHealthView.of(registry.find(Callers.tenant(http), code), Instant.now());
    }

    @GET
    @Path("{camera_id}/stream")
    @Operation(summary = "The stream URL (credentials masked) and FaceGate's preview of the camera")
    public CameraStreamView stream(@PathParam("camera_id") String code, @Context UriInfo uri) {
        Camera camera = registry.find(Callers.tenant(http), code).camera();
        return new CameraStreamView(camera.getCode(), camera.getSourceKind().apiName(), camera.maskedStreamUrl(), camera.maskedSnapshotUrl(),
                uri.getBaseUriBuilder().path("v1/cameras").path(camera.getCode()).path("stream/preview/").build().toString(),
                supervisor.preview(camera.getId()).isPresent());
    }

    @GET
    @Path("{camera_id}/stream/preview")
    @Produces(PreviewStream.MEDIA_TYPE)
    @Operation(summary = "FaceGate's live preview: the latest frames as multipart/x-mixed-replace JPEGs, from the connection the"
            + " server already holds (a camera serving one client at a time is never opened twice); at most 4 viewers, 10 minutes each")
    @APIResponse(responseCode = "409", description = "The camera is inactive, or another server polls it")
    public Response preview(@PathParam("camera_id") String code) {
        Camera camera = registry.find(Callers.tenant(http), code).camera();
        PreviewRelay relay = supervisor.preview(camera.getId()).orElseThrow(() -> new FaceGateException(ErrorKind.CONFLICT,
                "camera_not_polled_here", camera.isActive() ? "this server does not poll the camera (another one does, or it is starting)"
                : "the camera is inactive"));
        PreviewRelay.Viewer viewer = relay.watch();
        if (viewer == null) {
            throw new FaceGateException(ErrorKind.RATE_LIMITED, "too_many_viewers", "the camera's preview already has its maximum of viewers");
        }
        return Response.ok(new PreviewStream(viewer)).type(PreviewStream.MEDIA_TYPE).header("Cache-Control", "no-store").build();
    }

    private static CameraRequest body(CameraRequest request) {
        if (request == null) {
            throw FaceGateException.invalid("missing_body", "a JSON body is required");
        }
        return request;
    }
}
